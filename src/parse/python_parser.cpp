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

SyntaxTree PythonParser::parse(std::string_view text) {
  return SyntaxTree(
      ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<uint32_t>(text.size())));
}

}  // namespace cutover
