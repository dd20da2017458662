#include "traffic/log_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

namespace cutover {

struct LogReader::Inflate {
  z_stream z{};
  bool member_open = true;  // inside a gzip member (its end not seen yet)
  Inflate() { inflateInit2(&z, 15 + 16); }
  ~Inflate() { inflateEnd(&z); }
};

LogReader::LogReader(const std::string& path) {
  if (path == "-") {
    fd_ = 0;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      error_ = std::strerror(errno);
      return;
    }
    owns_fd_ = true;
    struct stat st {};
    if (::fstat(fd_, &st) == 0 && S_ISDIR(st.st_mode)) {
      error_ = "is a folder";
      return;
    }
  }
  // The gzip magic, 1f 8b, decides; the bytes read stay part of the input.
  char magic[2];
  std::size_t got = 0;
  while (got < 2) {
    const std::size_t n = read_raw(magic + got, 2 - got);
    if (n == 0) break;
    got += n;
  }
  first_.assign(magic, got);
  if (got == 2 && static_cast<unsigned char>(magic[0]) == 0x1f &&
      static_cast<unsigned char>(magic[1]) == 0x8b) {
    gzip_ = true;
    inflate_ = std::make_unique<Inflate>();
    raw_ = first_;
    first_.clear();
  }
}

LogReader::~LogReader() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

std::size_t LogReader::read_raw(char* into, std::size_t want) {
  while (true) {
    const ssize_t n = ::read(fd_, into, want);
    if (n >= 0) {
      raw_total_ += static_cast<std::uint64_t>(n);
      return static_cast<std::size_t>(n);
    }
    if (errno == EINTR) continue;
    problem_ = std::string("read error: ") + std::strerror(errno);
    return 0;
  }
}

std::size_t LogReader::read_some(std::string& out, std::size_t want) {
  if (eof_ || want == 0) return 0;
  const std::size_t at = out.size();
  if (!gzip_) {
    if (!first_.empty()) {
      out += first_;
      first_.clear();
      return out.size() - at;
    }
    out.resize(at + want);
    const std::size_t n = read_raw(out.data() + at, want);
    out.resize(at + n);
    if (n == 0) eof_ = true;
    return n;
  }
  z_stream& z = inflate_->z;
  out.resize(at + want);
  std::size_t produced = 0;
  while (produced == 0) {
    if (raw_at_ >= raw_.size()) {
      raw_.resize(256 * 1024);
      raw_.resize(read_raw(raw_.data(), raw_.size()));
      raw_at_ = 0;
      if (raw_.empty()) {
        if (inflate_->member_open && problem_.empty())
          problem_ = "gzip stream truncated after " + std::to_string(raw_total_) +
                     " compressed bytes: the lines before were read";
        eof_ = true;
        break;
      }
    }
    if (!inflate_->member_open) {  // another member follows
      inflateReset(&z);
      inflate_->member_open = true;
    }
    z.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_at_);
    z.avail_in = static_cast<uInt>(raw_.size() - raw_at_);
    z.next_out = reinterpret_cast<Bytef*>(out.data() + at);
    z.avail_out = static_cast<uInt>(want);
    const int ret = inflate(&z, Z_NO_FLUSH);
    raw_at_ = raw_.size() - z.avail_in;
    produced = want - z.avail_out;
    if (ret == Z_STREAM_END) {
      inflate_->member_open = false;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      problem_ = "corrupt gzip data after " + std::to_string(raw_total_) + " bytes read (" +
                 (z.msg ? z.msg : "inflate error") + "): the lines before were read";
      eof_ = true;
      break;
    }
  }
  out.resize(at + produced);
  return produced;
}

bool LogReader::next(std::string& chunk, std::size_t size) {
  // The caller's buffer is reused (its pages are already mapped); only the
  // start of a line left from the last chunk is copied into it.
  chunk.reserve(size + 4096);
  chunk.assign(pending_);
  pending_.clear();
  while (chunk.size() < size && read_some(chunk, size - chunk.size() + 4096) > 0) {
  }
  if (chunk.empty()) return false;
  if (eof_) return true;  // the rest of the input, last line and all
  const std::size_t newline = chunk.rfind('\n');
  if (newline != std::string::npos) {
    pending_.assign(chunk, newline + 1);
    chunk.resize(newline + 1);
    return true;
  }
  // One line longer than a chunk: keep its start, drop the rest up to its end.
  chunk.resize(kMaxLineBytes + 1);
  std::string rest;
  while (true) {
    rest.clear();
    if (read_some(rest, size) == 0) break;
    const std::size_t end = rest.find('\n');
    if (end != std::string::npos) {
      pending_.assign(rest, end + 1);
      break;
    }
  }
  chunk += '\n';
  return true;
}

}  // namespace cutover
