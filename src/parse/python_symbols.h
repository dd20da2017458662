#pragma once
// Grammar symbol ids of the node kinds cutover looks at, resolved once per
// parser so the tree walk compares integers rather than type strings.

#include <tree_sitter/api.h>

namespace cutover {

struct PythonSymbols {
  explicit PythonSymbols(const TSLanguage* language);

  TSSymbol module, block, import_statement, import_from_statement, future_import_statement,
      aliased_import, dotted_name, relative_import, import_prefix, wildcard_import,
      decorated_definition, decorator, function_definition, class_definition, expression_statement,
      assignment, augmented_assignment, call, argument_list, keyword_argument, attribute,
      identifier, string, string_start, string_content, string_end, escape_sequence, interpolation,
      concatenated_string, integer, float_, true_, false_, none, list, tuple, dictionary, pair,
      parenthesized_expression, binary_operator, list_splat, dictionary_splat, try_statement,
      except_clause, if_statement, print_statement, exec_statement, comparison_operator,
      raise_statement, expression_list, parameters, default_parameter, typed_parameter,
      typed_default_parameter, for_statement, pattern_list, return_statement, subscript, await,
      nonlocal_statement, named_expression, keyword_separator, positional_separator,
      match_statement, type, boolean_operator, not_operator, elif_clause, else_clause, set,
      continue_statement, break_statement, list_comprehension, for_in_clause, if_clause;

  TSFieldId field_body, field_name, field_alias, field_module_name, field_definition, field_left,
      field_right, field_operator, field_function, field_arguments, field_object,
      field_attribute_name, field_value, field_key, field_superclasses, field_condition,
      field_consequence, field_parameters, field_expression, field_subscript, field_type,
      field_alternative, field_argument;
};

}  // namespace cutover
