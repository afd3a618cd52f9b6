// Mock of cppcoro/read_write_file.hpp.
#pragma once
#include "file.hpp"

namespace cppcoro {
class read_write_file : public readable_file, public writable_file {
public:
  [[nodiscard]] static read_write_file open(io_service &ioService,
                                            const cppcoro::filesystem::path &path,
                                            file_open_mode openMode = file_open_mode::create_or_open,
                                            file_share_mode shareMode = file_share_mode::none,
                                            file_buffering_mode bufferingMode = file_buffering_mode::default_);
};
} // namespace cppcoro
