#include "emit/prestarted_workers.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <numeric>

#include "util/u64_bytes.h"

namespace cutover {
namespace {

// Records of (index, bytes), back to back.
void put_record(std::string& out, std::uint64_t index, std::string_view bytes) {
  put_u64(out, index);
  put_u64(out, bytes.size());
  out += bytes;
}

bool get_record(std::string_view in, std::size_t& at, std::uint64_t& index,
                std::string_view& bytes) {
  std::uint64_t size = 0;
  if (!get_u64(in, at, index) || !get_u64(in, at, size) || size > in.size() - at) return false;
  bytes = in.substr(at, size);
  at += size;
  return true;
}

bool write_all_at(int fd, std::string_view bytes) {
  off_t offset = 0;
  while (!bytes.empty()) {
    const ssize_t n = ::pwrite(fd, bytes.data(), bytes.size(), offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
    offset += n;
  }
  return true;
}

// The whole anonymous file, from its start.
std::string read_all(int fd) {
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::pread(fd, buffer, sizeof buffer, static_cast<off_t>(out.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return out;
    out.append(buffer, static_cast<std::size_t>(n));
  }
}

[[noreturn]] void serve(int go, int inputs, int results, PrestartedWorkers::Work work) {
  char start = 0;
  ssize_t n;
  while ((n = ::read(go, &start, 1)) < 0 && errno == EINTR) {
  }
  if (n != 1) ::_exit(0);  // sent away unused
  bool ok = true;
  try {
    const std::string given = read_all(inputs);
    std::string message;
    std::size_t at = 0;
    std::uint64_t index = 0;
    std::string_view input;
    while (at < given.size() && get_record(given, at, index, input))
      put_record(message, index, work(input));
    ok = write_all_at(results, message);
  } catch (...) {
    ok = false;
  }
  // No exit handlers, no flushing the parent's buffers twice.
  ::_exit(ok ? 0 : 1);
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

PrestartedWorkers PrestartedWorkers::start(unsigned count, Work work) {
  PrestartedWorkers out(work);
  for (unsigned k = 0; k < count; ++k) {
    int go[2];
    if (::pipe2(go, O_CLOEXEC) != 0) break;
    Worker w{.go = go[1],
             .inputs = ::memfd_create("cutover-work-inputs", MFD_CLOEXEC),
             .results = ::memfd_create("cutover-work-results", MFD_CLOEXEC)};
    w.pid = w.inputs >= 0 && w.results >= 0 ? ::fork() : -1;
    if (w.pid == 0) {
      // The earlier workers' ends stay with the parent alone: a worker
      // holding another's `go` would keep it from ever reading EOF.
      for (const Worker& earlier : out.workers_) {
        ::close(earlier.go);
        ::close(earlier.inputs);
        ::close(earlier.results);
      }
      ::close(go[1]);
      serve(go[0], w.inputs, w.results, work);
    }
    ::close(go[0]);
    if (w.pid < 0) {
      close_fd(w.go);
      close_fd(w.inputs);
      close_fd(w.results);
      break;
    }
    out.workers_.push_back(w);
  }
  return out;
}

PrestartedWorkers::PrestartedWorkers(PrestartedWorkers&& other) noexcept
    : workers_(std::move(other.workers_)), work_(other.work_) {
  other.workers_.clear();
}

PrestartedWorkers& PrestartedWorkers::operator=(PrestartedWorkers&& other) noexcept {
  if (this != &other) {
    release();
    workers_ = std::move(other.workers_);
    work_ = other.work_;
    other.workers_.clear();
  }
  return *this;
}

PrestartedWorkers::~PrestartedWorkers() {
  release();
}

void PrestartedWorkers::release() {
  for (Worker& w : workers_) {
    close_fd(w.go);  // EOF: a worker still waiting leaves
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    close_fd(w.inputs);
    close_fd(w.results);
  }
  workers_.clear();
}

std::vector<std::string> PrestartedWorkers::run(const std::vector<std::string>& inputs,
                                                const std::vector<std::size_t>& costs,
                                                const std::function<void()>& meanwhile) {
  std::vector<std::string> out(inputs.size());
  std::vector<char> done(inputs.size(), 0);
  // Largest first, each to the lightest share.
  std::vector<std::size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  std::vector<std::string> shares(workers_.size());
  std::vector<std::size_t> load(workers_.size(), 0);
  for (const std::size_t i : order) {
    if (workers_.empty()) break;
    const auto lightest =
        static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
    put_record(shares[lightest], i, inputs[i]);
    load[lightest] += costs[i] + 1;
  }
  for (std::size_t k = 0; k < workers_.size(); ++k) {
    Worker& w = workers_[k];
    if (!shares[k].empty() && write_all_at(w.inputs, shares[k])) {
      const char start = 1;
      while (::write(w.go, &start, 1) < 0 && errno == EINTR) {
      }
    }
    close_fd(w.go);
  }
  if (meanwhile) meanwhile();
  for (Worker& w : workers_) {
    int status = 0;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    const bool whole = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    const std::string message = whole ? read_all(w.results) : std::string();
    std::size_t at = 0;
    std::uint64_t index = 0;
    std::string_view result;
    while (at < message.size() && get_record(message, at, index, result)) {
      if (index >= out.size()) break;
      out[index] = std::string(result);
      done[index] = 1;
    }
    close_fd(w.inputs);
    close_fd(w.results);
  }
  workers_.clear();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!done[i]) out[i] = work_(inputs[i]);
  }
  return out;
}

}  // namespace cutover
