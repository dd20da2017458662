#include "emit/forked_work.h"

#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <numeric>

namespace cutover {
namespace {

void put_u64(std::string& out, std::uint64_t v) {
  char bytes[8];
  std::memcpy(bytes, &v, 8);
  out.append(bytes, 8);
}

bool get_u64(std::string_view in, std::size_t& at, std::uint64_t& v) {
  if (in.size() - at < 8) return false;
  std::memcpy(&v, in.data() + at, 8);
  at += 8;
  return true;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The whole file behind `fd`, from its start.
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

// Largest first, each to the lighter share: the child's share, then ours.
std::vector<std::size_t> child_share(const std::vector<std::size_t>& costs) {
  std::vector<std::size_t> order(costs.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return costs[a] > costs[b]; });
  std::size_t ours = 0, theirs = 0;
  std::vector<std::size_t> share;
  for (const std::size_t i : order) {
    if (theirs < ours) {
      share.push_back(i);
      theirs += costs[i] + 1;
    } else {
      ours += costs[i] + 1;
    }
  }
  return share;
}

[[noreturn]] void run_child(int fd, const std::vector<std::size_t>& share,
                            const std::function<std::string(std::size_t)>& work) {
  bool ok = true;
  try {
    std::string message;
    for (const std::size_t i : share) {
      const std::string result = work(i);
      put_u64(message, i);
      put_u64(message, result.size());
      message += result;
    }
    ok = write_all(fd, message);
  } catch (...) {
    ok = false;
  }
  // No exit handlers, no flushing the parent's buffers twice.
  ::_exit(ok ? 0 : 1);
}

}  // namespace

std::vector<std::string> compute_forked(const std::vector<std::size_t>& costs,
                                        const std::function<std::string(std::size_t)>& work,
                                        unsigned workers) {
  std::vector<std::string> out(costs.size());
  std::vector<bool> done(costs.size(), false);
  const std::vector<std::size_t> share =
      workers > 1 && costs.size() > 1 ? child_share(costs) : std::vector<std::size_t>();
  // The child writes to an anonymous file, not a pipe: a pipe holds 64 KB,
  // so the child would wait for the parent to finish its own share before
  // it could finish writing, and the parent then for the copy and the
  // child's exit (tens of ms for a process of a million lines' facts).
  const int results = share.empty() ? -1 : ::memfd_create("cutover-forked-work", MFD_CLOEXEC);
  pid_t child = -1;
  if (results >= 0) {
    child = ::fork();
    if (child == 0) run_child(results, share, work);
  }
  std::vector<bool> theirs(costs.size(), false);
  if (child > 0) {
    for (const std::size_t i : share)
      theirs[i] = true;
  }
  for (std::size_t i = 0; i < costs.size(); ++i) {
    if (!theirs[i]) out[i] = work(i), done[i] = true;
  }
  if (child > 0) {
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    const bool whole = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    const std::string message = whole ? read_all(results) : std::string();
    for (std::size_t at = 0; at < message.size();) {
      std::uint64_t i = 0, size = 0;
      if (!get_u64(message, at, i) || !get_u64(message, at, size) || i >= out.size() ||
          size > message.size() - at) {
        break;
      }
      out[i] = message.substr(at, size);
      done[i] = true;
      at += size;
    }
  }
  if (results >= 0) ::close(results);
  for (std::size_t i = 0; i < costs.size(); ++i) {
    if (!done[i]) out[i] = work(i);
  }
  return out;
}

}  // namespace cutover
