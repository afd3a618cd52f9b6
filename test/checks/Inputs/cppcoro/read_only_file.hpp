// Mock of cppcoro/read_only_file.hpp.
#pragma once
#include "file.hpp"

namespace cppcoro {
class read_only_file : public readable_file {
public:
  [[nodiscard]] static read_only_file open(io_service &ioService,
                                           const cppcoro::filesystem::path &path,
                                           file_share_mode shareMode = file_share_mode::read,
                                           file_buffering_mode bufferingMode = file_buffering_mode::default_);
};
} // namespace cppcoro
