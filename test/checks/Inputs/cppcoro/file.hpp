// Mock of cppcoro's file types (file.hpp, readable_file.hpp,
// writable_file.hpp and the mode enums, one header per type in cppcoro):
// the classes and open() signatures as shipped; I/O members left out.
#pragma once
#include <cstdint>
#include <filesystem>

namespace cppcoro {
namespace filesystem = std::filesystem; // filesystem.hpp, C++17 branch
class io_service;

enum class file_share_mode { none = 0, read = 1, write = 2, read_write = read | write, delete_ = 4 };
enum class file_buffering_mode {
  default_ = 0, sequential = 1, random_access = 2, unbuffered = 4, write_through = 8, temporary = 16
};
enum class file_open_mode { create_or_open, create_always, create_new, open_existing, truncate_existing };

class file {
public:
  file(file &&other) noexcept = default;
  virtual ~file();
  std::uint64_t size() const;
};
class readable_file : virtual public file {};
class writable_file : virtual public file {
public:
  void set_size(std::uint64_t fileSize);
};
} // namespace cppcoro
