#include "parse/python_symbols.h"

#include <cstring>
#include <stdexcept>
#include <string>

namespace cutover {
namespace {

TSSymbol named(const TSLanguage* language, const char* name) {
  const TSSymbol symbol =
      ts_language_symbol_for_name(language, name, static_cast<uint32_t>(std::strlen(name)), true);
  if (symbol == 0) throw std::logic_error(std::string("grammar has no node kind ") + name);
  return symbol;
}

TSFieldId field(const TSLanguage* language, const char* name) {
  const TSFieldId id =
      ts_language_field_id_for_name(language, name, static_cast<uint32_t>(std::strlen(name)));
  if (id == 0) throw std::logic_error(std::string("grammar has no field ") + name);
  return id;
}

}  // namespace

PythonSymbols::PythonSymbols(const TSLanguage* l)
    : module(named(l, "module")),
      block(named(l, "block")),
      import_statement(named(l, "import_statement")),
      import_from_statement(named(l, "import_from_statement")),
      future_import_statement(named(l, "future_import_statement")),
      aliased_import(named(l, "aliased_import")),
      dotted_name(named(l, "dotted_name")),
      relative_import(named(l, "relative_import")),
      import_prefix(named(l, "import_prefix")),
      wildcard_import(named(l, "wildcard_import")),
      decorated_definition(named(l, "decorated_definition")),
      decorator(named(l, "decorator")),
      function_definition(named(l, "function_definition")),
      class_definition(named(l, "class_definition")),
      expression_statement(named(l, "expression_statement")),
      assignment(named(l, "assignment")),
      augmented_assignment(named(l, "augmented_assignment")),
      call(named(l, "call")),
      argument_list(named(l, "argument_list")),
      keyword_argument(named(l, "keyword_argument")),
      attribute(named(l, "attribute")),
      identifier(named(l, "identifier")),
      string(named(l, "string")),
      string_start(named(l, "string_start")),
      string_content(named(l, "string_content")),
      string_end(named(l, "string_end")),
      escape_sequence(named(l, "escape_sequence")),
      interpolation(named(l, "interpolation")),
      concatenated_string(named(l, "concatenated_string")),
      integer(named(l, "integer")),
      float_(named(l, "float")),
      true_(named(l, "true")),
      false_(named(l, "false")),
      none(named(l, "none")),
      list(named(l, "list")),
      tuple(named(l, "tuple")),
      dictionary(named(l, "dictionary")),
      pair(named(l, "pair")),
      parenthesized_expression(named(l, "parenthesized_expression")),
      binary_operator(named(l, "binary_operator")),
      list_splat(named(l, "list_splat")),
      dictionary_splat(named(l, "dictionary_splat")),
      try_statement(named(l, "try_statement")),
      except_clause(named(l, "except_clause")),
      if_statement(named(l, "if_statement")),
      print_statement(named(l, "print_statement")),
      exec_statement(named(l, "exec_statement")),
      comparison_operator(named(l, "comparison_operator")),
      raise_statement(named(l, "raise_statement")),
      expression_list(named(l, "expression_list")),
      parameters(named(l, "parameters")),
      default_parameter(named(l, "default_parameter")),
      typed_parameter(named(l, "typed_parameter")),
      typed_default_parameter(named(l, "typed_default_parameter")),
      for_statement(named(l, "for_statement")),
      pattern_list(named(l, "pattern_list")),
      return_statement(named(l, "return_statement")),
      subscript(named(l, "subscript")),
      await(named(l, "await")),
      nonlocal_statement(named(l, "nonlocal_statement")),
      named_expression(named(l, "named_expression")),
      keyword_separator(named(l, "keyword_separator")),
      positional_separator(named(l, "positional_separator")),
      match_statement(named(l, "match_statement")),
      type(named(l, "type")),
      boolean_operator(named(l, "boolean_operator")),
      not_operator(named(l, "not_operator")),
      elif_clause(named(l, "elif_clause")),
      else_clause(named(l, "else_clause")),
      set(named(l, "set")),
      continue_statement(named(l, "continue_statement")),
      break_statement(named(l, "break_statement")),
      list_comprehension(named(l, "list_comprehension")),
      for_in_clause(named(l, "for_in_clause")),
      if_clause(named(l, "if_clause")),
      field_body(field(l, "body")),
      field_name(field(l, "name")),
      field_alias(field(l, "alias")),
      field_module_name(field(l, "module_name")),
      field_definition(field(l, "definition")),
      field_left(field(l, "left")),
      field_right(field(l, "right")),
      field_operator(field(l, "operator")),
      field_function(field(l, "function")),
      field_arguments(field(l, "arguments")),
      field_object(field(l, "object")),
      field_attribute_name(field(l, "attribute")),
      field_value(field(l, "value")),
      field_key(field(l, "key")),
      field_superclasses(field(l, "superclasses")),
      field_condition(field(l, "condition")),
      field_consequence(field(l, "consequence")),
      field_parameters(field(l, "parameters")),
      field_expression(field(l, "expression")),
      field_subscript(field(l, "subscript")),
      field_type(field(l, "type")),
      field_alternative(field(l, "alternative")),
      field_argument(field(l, "argument")) {}

}  // namespace cutover
