#include "emit/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace cutover {

namespace {

constexpr std::size_t kIovecBatch = 1024;  // Linux's IOV_MAX

// `.NAME.PID.tmp` beside the destination: the PID tells a killed writer's
// leftovers from a running writer's file.
std::filesystem::path temporary_for(const std::filesystem::path& path, pid_t pid) {
  return path.parent_path() / ("." + path.filename().string() + "." + std::to_string(pid) + ".tmp");
}

// Whether `pid` has ended: gone, or a zombie its parent has not reaped yet
// (a killed writer whose parent died too waits for init to reap it).
bool process_ended(pid_t pid) {
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  char path[32];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
  FILE* stat = std::fopen(path, "r");
  if (!stat) return false;
  // "pid (comm) state ...": the state follows the last ')'.
  char buffer[512];
  const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, stat);
  std::fclose(stat);
  buffer[n] = '\0';
  const char* close = std::strrchr(buffer, ')');
  return close && close[1] == ' ' && close[2] == 'Z';
}

}  // namespace

void remove_stale_temporaries(const std::filesystem::path& path) {
  const std::string prefix = "." + path.filename().string() + ".";
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(path.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix) || !name.ends_with(".tmp")) continue;
    const std::string digits = name.substr(prefix.size(), name.size() - prefix.size() - 4);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && process_ended(pid)) {
      std::error_code remove_ec;
      std::filesystem::remove(entry.path(), remove_ec);
    }
  }
}

std::string stage_file(const std::filesystem::path& path, std::string_view content, Flush flush,
                       StagedFile& staged) {
  return stage_file(path, std::span<const std::string_view>(&content, 1), flush, staged);
}

std::string stage_file(const std::filesystem::path& path, std::span<const std::string_view> pieces,
                       Flush flush, StagedFile& staged) {
  staged.path = path;
  staged.temp = temporary_for(path, ::getpid());
  const int fd = ::open(staged.temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot create " + staged.temp.string() + ": " + std::strerror(errno);
  // writev in batches; a short write resumes inside the piece it stopped in.
  std::vector<iovec> batch;
  std::size_t piece = 0, offset = 0;
  while (piece < pieces.size()) {
    batch.clear();
    for (std::size_t i = piece; i < pieces.size() && batch.size() < kIovecBatch; ++i) {
      const std::string_view rest = pieces[i].substr(i == piece ? offset : 0);
      if (!rest.empty()) batch.push_back({const_cast<char*>(rest.data()), rest.size()});
    }
    if (batch.empty()) break;
    const ssize_t n = ::writev(fd, batch.data(), static_cast<int>(batch.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = n < 0 ? std::strerror(errno) : "no space written";
      ::close(fd);
      ::unlink(staged.temp.c_str());
      return "cannot write " + path.string() + ": " + why;
    }
    for (auto written = static_cast<std::size_t>(n); written > 0 && piece < pieces.size();) {
      const std::size_t left = pieces[piece].size() - offset;
      const std::size_t take = std::min(left, written);
      written -= take;
      offset += take;
      if (offset == pieces[piece].size()) ++piece, offset = 0;
    }
    while (piece < pieces.size() && pieces[piece].size() == offset)
      ++piece, offset = 0;
  }
  if ((flush == Flush::kYes && ::fsync(fd) != 0) || ::close(fd) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(staged.temp.c_str());
    return "cannot flush " + path.string() + ": " + why;
  }
  return {};
}

std::string commit_staged_file(const StagedFile& staged) {
  if (::rename(staged.temp.c_str(), staged.path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(staged.temp.c_str());
    return "cannot replace " + staged.path.string() + ": " + why;
  }
  return {};
}

void discard_staged_file(const StagedFile& staged) {
  ::unlink(staged.temp.c_str());
}

std::string write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                  Flush flush) {
  return write_file_atomically(path, std::span<const std::string_view>(&content, 1), flush);
}

std::string write_file_atomically(const std::filesystem::path& path,
                                  std::span<const std::string_view> pieces, Flush flush) {
  StagedFile staged;
  if (std::string error = stage_file(path, pieces, flush, staged); !error.empty()) return error;
  return commit_staged_file(staged);
}

}  // namespace cutover
