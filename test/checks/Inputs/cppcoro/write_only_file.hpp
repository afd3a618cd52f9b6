// Mock of cppcoro/write_only_file.hpp.
#pragma once
#include "file.hpp"

namespace cppcoro {
class write_only_file : public writable_file {
public:
  [[nodiscard]] static write_only_file open(io_service &ioService,
                                            const cppcoro::filesystem::path &path,
                                            file_open_mode openMode = file_open_mode::create_or_open,
                                            file_share_mode shareMode = file_share_mode::none,
                                            file_buffering_mode bufferingMode = file_buffering_mode::default_);
};
} // namespace cppcoro
