#include "emit/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace cutover {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Flush flush) {
  const std::filesystem::path temp = path.parent_path() / ("." + path.filename().string() + "." +
                                                           std::to_string(::getpid()) + ".tmp");
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + temp.string() + ": " + std::strerror(errno);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return "cannot write " + path.string() + ": " + why;
    }
    done += static_cast<std::size_t>(n);
  }
  if ((flush == Flush::kYes && ::fsync(fd) != 0) || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return "cannot flush " + path.string() + ": " + why;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return "cannot replace " + path.string() + ": " + why;
  }
  return {};
}

}  // namespace cutover
