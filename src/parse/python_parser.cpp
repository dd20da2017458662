#include "parse/python_parser.h"

#include <stdexcept>

namespace cutover {

PythonParser::PythonParser() : parser_(ts_parser_new()) {
  if (!ts_parser_set_language(parser_, tree_sitter_python())) {
    ts_parser_delete(parser_);
    throw std::runtime_error("tree-sitter runtime rejects the Python grammar (ABI mismatch)");
  }
}

PythonParser::~PythonParser() {
  ts_parser_delete(parser_);
}

SyntaxTree PythonParser::parse(std::string_view text,
                               std::chrono::steady_clock::time_point deadline) {
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    return SyntaxTree(
        ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<uint32_t>(text.size())));
  }
  const TSInput input{
      .payload = &text,
      .read = [](void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) -> const char* {
        const std::string_view& all = *static_cast<const std::string_view*>(payload);
        if (byte >= all.size()) {
          *bytes_read = 0;
          return "";
        }
        *bytes_read = static_cast<uint32_t>(all.size() - byte);
        return all.data() + byte;
      },
      .encoding = TSInputEncodingUTF8,
      .decode = nullptr};
  // tree-sitter calls back every few hundred operations; true cancels.
  TSParseOptions options{
      .payload = &deadline, .progress_callback = [](TSParseState* state) {
        return std::chrono::steady_clock::now() >
               *static_cast<const std::chrono::steady_clock::time_point*>(state->payload);
      }};
  SyntaxTree tree(ts_parser_parse_with_options(parser_, nullptr, input, options));
  if (!tree) ts_parser_reset(parser_);  // a cancelled parse would otherwise resume next time
  return tree;
}

}  // namespace cutover
