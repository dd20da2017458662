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

std::string render(const PythonValue& v) {
  using Kind = PythonValue::Kind;
  auto join = [](const std::vector<PythonValue>& items, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < items.size(); ++i)
      out += (i > from ? ", " : "") + render(items[i]);
    return out;
  };
  switch (v.kind) {
    case Kind::kString:
      return "\"" + v.text + "\"";
    case Kind::kNone:
      return "None";
    case Kind::kList:
      return "[" + join(v.items, 0) + "]";
    case Kind::kTuple:
      return "(" + join(v.items, 0) + ")";
    case Kind::kSet:
      return "{" + join(v.items, 0) + "}";
    case Kind::kDict: {  // items alternate key, value
      std::string out;
      for (std::size_t i = 0; i + 1 < v.items.size(); i += 2) {
        out += (i > 0 ? ", " : "") + render(v.items[i]) + ": " + render(v.items[i + 1]);
      }
      return "{" + out + "}";
    }
    case Kind::kCall:
    case Kind::kMethodCall: {
      std::string out = v.kind == Kind::kCall ? v.text + "(" + join(v.items, 0)
                                              : (v.items.empty() ? "" : render(v.items[0])) + "." +
                                                    v.text + "(" + join(v.items, 1);
      for (const KeywordArgument& k : v.keywords) {
        if (k.value.empty()) continue;
        const bool first = out.back() == '(';
        const std::string name = k.name == "*" || k.name == "**" ? k.name : k.name + "=";
        out += (first ? "" : ", ") + name + render(k.value.front());
      }
      return out + ")";
    }
    case Kind::kBinary:
      if (v.items.size() == 1) return v.text + " " + render(v.items[0]);  // `not x`
      return v.items.size() == 2 ? render(v.items[0]) + " " + v.text + " " + render(v.items[1])
                                 : v.text;
    case Kind::kSubscript:
      return v.text + "[" + (v.items.empty() ? "" : render(v.items[0])) + "]";
    default:
      return v.text;
  }
}

}  // namespace cutover
