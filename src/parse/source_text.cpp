#include "parse/source_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "model/utf8.h"

namespace cutover {
namespace {

// Python reads a lone CR as a line break (universal newlines); the grammar
// does not, so a file saved with classic Mac line endings would parse as one
// line. CRLF stays as it is.
void convert_lone_carriage_returns(std::string& text) {
  if (text.find('\r') == std::string::npos) return;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
  }
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (smart quotes, dashes,
// the euro sign); its five undefined bytes keep their Latin-1 meaning.
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::string single_byte_to_utf8(std::string_view s, bool cp1252) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    append_utf8(out, cp1252 && byte >= 0x80 && byte < 0xA0 ? kCp1252High[byte - 0x80] : byte);
  }
  return out;
}

std::string utf16_to_utf8(std::string_view s, bool little_endian) {
  std::string out;
  out.reserve(s.size() / 2);
  auto unit = [&](std::size_t i) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(s[i]);
    const auto b = static_cast<unsigned char>(s[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    std::uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < s.size()) {
      const std::uint32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    append_utf8(out, cp);
  }
  return out;
}

// PEP 263: a coding cookie in the first two lines, i.e. a line matching
// ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)
std::string coding_cookie(std::string_view text) {
  std::size_t start = 0;
  for (int line = 0; line < 2 && start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view one = text.substr(start, end - start);
    start = end + 1;
    const std::size_t hash = one.find_first_not_of(" \t\f");
    if (hash == std::string_view::npos || one[hash] != '#') continue;
    for (std::size_t at = one.find("coding", hash); at != std::string_view::npos;
         at = one.find("coding", at + 1)) {
      std::size_t i = at + 6;
      if (i >= one.size() || (one[i] != ':' && one[i] != '=')) continue;
      ++i;
      while (i < one.size() && (one[i] == ' ' || one[i] == '\t'))
        ++i;
      std::size_t name_end = i;
      while (name_end < one.size() &&
             (std::isalnum(static_cast<unsigned char>(one[name_end])) || one[name_end] == '-' ||
              one[name_end] == '_' || one[name_end] == '.')) {
        ++name_end;
      }
      if (name_end > i) return std::string(one.substr(i, name_end - i));
    }
  }
  return {};
}
enum class SingleByte { kNone, kLatin1, kCp1252 };

// The single-byte encodings legacy Python files declare, spelled the ways
// Python accepts (it lower-cases and maps '_' to '-' before looking up).
SingleByte declared_single_byte(std::string name) {
  for (char& c : name) {
    c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::string_view latin1 : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
    if (name == latin1 || name.starts_with(std::string(latin1) + "-")) return SingleByte::kLatin1;
  }
  for (std::string_view latin1 : {"latin1", "iso8859-1", "l1", "cp819", "latin", "iso-8859-15",
                                  "iso8859-15", "latin-9", "latin9"}) {
    if (name == latin1) return SingleByte::kLatin1;
  }
  if (name == "cp1252" || name == "windows-1252") return SingleByte::kCp1252;
  return SingleByte::kNone;
}

Diagnostic note(Severity severity, std::string code, std::string message) {
  return Diagnostic{.file = {},
                    .line = 0,
                    .severity = severity,
                    .code = std::move(code),
                    .message = std::move(message)};
}

}  // namespace

SourceText decode_source(std::string bytes) {
  SourceText out;
  const std::string_view view(bytes);
  if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
    out.text = utf16_to_utf8(view.substr(2), view[0] == '\xFF');
    convert_lone_carriage_returns(out.text);
    out.diagnostics.push_back(note(Severity::kInfo, "utf16-source",
                                   "UTF-16 file with a byte-order mark; decoded to UTF-8"));
    return out;
  }
  const std::size_t probe = std::min<std::size_t>(view.size(), 8192);
  if (view.substr(0, probe).find('\0') != std::string_view::npos) {
    out.status = FileStatus::kSkippedBinary;
    out.diagnostics.push_back(
        note(Severity::kWarning, "binary-file", "contains NUL bytes; not Python source, skipped"));
    return out;
  }
  if (view.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (is_valid_utf8(bytes)) {
    out.text = std::move(bytes);
    convert_lone_carriage_returns(out.text);
    return out;
  }
  const std::string cookie = coding_cookie(bytes);
  const SingleByte declared = declared_single_byte(cookie);
  out.text = single_byte_to_utf8(bytes, declared == SingleByte::kCp1252);
  convert_lone_carriage_returns(out.text);
  if (declared != SingleByte::kNone) {
    out.diagnostics.push_back(note(Severity::kInfo, "legacy-encoding",
                                   "declared coding " + cookie + "; decoded to UTF-8"));
  } else {
    out.diagnostics.push_back(note(
        Severity::kWarning, "not-utf8",
        cookie.empty() ? "not valid UTF-8 and no coding declaration; decoded as Latin-1"
                       : "not valid UTF-8 (declared coding " + cookie + "); decoded as Latin-1"));
  }
  return out;
}

SourceText read_source(const std::filesystem::path& path, std::uint64_t max_bytes) {
  SourceText out;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || ::fstat(fd, &st) != 0) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    out.status = FileStatus::kUnreadable;
    out.diagnostics.push_back(
        note(Severity::kError, "unreadable", std::string("cannot read: ") + std::strerror(err)));
    return out;
  }
  if (static_cast<std::uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    out.status = FileStatus::kSkippedTooLarge;
    out.diagnostics.push_back(note(Severity::kWarning, "file-too-large",
                                   std::to_string(st.st_size) + " bytes exceeds the limit of " +
                                       std::to_string(max_bytes) +
                                       " bytes (--max-file-size); skipped"));
    return out;
  }
  std::string bytes(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    const ssize_t got = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int err = errno;
      ::close(fd);
      out.status = FileStatus::kUnreadable;
      out.diagnostics.push_back(
          note(Severity::kError, "unreadable", std::string("read failed: ") + std::strerror(err)));
      return out;
    }
    if (got == 0) break;  // the file shrank while we read it
    have += static_cast<std::size_t>(got);
  }
  ::close(fd);
  bytes.resize(have);
  return decode_source(std::move(bytes));
}

std::uint32_t count_lines(std::string_view text) {
  if (text.empty()) return 0;
  std::uint32_t lines = 0;
  for (char c : text)
    lines += (c == '\n');
  return lines + (text.back() != '\n');
}

}  // namespace cutover
