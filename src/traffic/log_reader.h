#pragma once
// Reads an access log in chunks that end at line boundaries, so threads can
// parse them apart: a plain file, standard input ("-"), or gzip (recognised
// by its magic bytes, several members allowed, as logrotate and `cat a.gz
// b.gz` make). Memory stays at about a chunk, whatever the line lengths: a
// line longer than a chunk is cut to kMaxLineBytes + 1 bytes (still too long
// to be read as a record, so it is counted as malformed).

#include <cstddef>
#include <memory>
#include <string>

namespace cutover {

class LogReader {
 public:
  static constexpr std::size_t kMaxLineBytes = 64 * 1024;
  static constexpr std::size_t kChunkBytes = 1 << 20;

  // Opens `path` ("-" for standard input); error() says why it could not.
  explicit LogReader(const std::string& path);
  ~LogReader();
  LogReader(const LogReader&) = delete;
  LogReader& operator=(const LogReader&) = delete;

  const std::string& error() const { return error_; }
  bool gzip() const { return gzip_; }

  // The next chunk: whole lines, about `size` bytes (the last line of the
  // file may lack its '\n'); false once everything is read. After the last
  // chunk, problem() says whether the input ended early or badly (a
  // truncated gzip stream, a read error): what came before was returned.
  bool next(std::string& chunk, std::size_t size = kChunkBytes);
  const std::string& problem() const { return problem_; }

 private:
  // Appends up to `want` decoded bytes to `out`; 0 at the end of the input.
  std::size_t read_some(std::string& out, std::size_t want);
  std::size_t read_raw(char* into, std::size_t want);

  int fd_ = -1;
  bool owns_fd_ = false;
  bool gzip_ = false;
  bool eof_ = false;
  std::string error_, problem_;
  std::string pending_;  // the start of a line whose end is not read yet
  // gzip state
  struct Inflate;
  std::unique_ptr<Inflate> inflate_;
  std::string raw_;  // compressed bytes not yet inflated
  std::size_t raw_at_ = 0;
  std::string first_;  // bytes read to look for the gzip magic
  std::uint64_t raw_total_ = 0;
};

}  // namespace cutover
