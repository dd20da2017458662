#include "model/python_value.h"

namespace cutover {

const PythonValue* PythonValue::keyword(std::string_view name) const {
  for (const KeywordArgument& k : keywords) {
    if (k.name == name && !k.value.empty()) return &k.value.front();
  }
  return nullptr;
}

const PythonValue* PythonValue::positional(std::size_t index) const {
  return index < items.size() ? &items[index] : nullptr;
}

}  // namespace cutover
