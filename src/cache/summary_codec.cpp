#include "cache/summary_codec.h"

#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

namespace cutover {
namespace {

// The field lists. `T` is the struct or const struct: one list serves the
// writer and the reader.
template <class A, class T>
void describe(A& a, T& v) {
  using S = std::remove_const_t<T>;
  if constexpr (std::is_same_v<S, KeywordArgument>) {
    a(v.name, v.value);
  } else if constexpr (std::is_same_v<S, PythonValue>) {
    a(v.kind, v.text, v.items, v.keywords, v.line);
  } else if constexpr (std::is_same_v<S, StatementContext>) {
    a(v.in_function, v.in_try_import_error, v.under_type_checking);
  } else if constexpr (std::is_same_v<S, ImportedName>) {
    a(v.name, v.alias);
  } else if constexpr (std::is_same_v<S, ImportFact>) {
    a(v.is_from, v.is_star, v.level, v.module, v.names, v.scope, v.line, v.context);
  } else if constexpr (std::is_same_v<S, DefinitionFact>) {
    a(v.kind, v.name, v.qualified_name, v.scope, v.decorators, v.parameters, v.parameter_types,
      v.parameter_defaults, v.bases, v.methods, v.line, v.first_line, v.last_line, v.condition,
      v.doc);
  } else if constexpr (std::is_same_v<S, AssignmentFact>) {
    a(v.target, v.scope, v.augmented, v.conditional, v.condition, v.loop, v.value, v.line);
  } else if constexpr (std::is_same_v<S, LoopFact>) {
    a(v.targets, v.iterable);
  } else if constexpr (std::is_same_v<S, CallFact>) {
    a(v.scope, v.call, v.line, v.loop, v.conditional, v.condition);
  } else if constexpr (std::is_same_v<S, ConditionFact>) {
    a(v.scope, v.test, v.parent, v.line);
  } else if constexpr (std::is_same_v<S, ReturnFact>) {
    a(v.scope, v.value, v.line, v.conditional);
  } else if constexpr (std::is_same_v<S, NameUse>) {
    a(v.scope, v.name, v.line, v.called, v.in_decorator);
  } else if constexpr (std::is_same_v<S, Python2Finding>) {
    a(v.construct, v.line);
  } else if constexpr (std::is_same_v<S, Diagnostic>) {
    a(v.file, v.line, v.severity, v.code, v.message);
  } else if constexpr (std::is_same_v<S, FileSummary>) {
    a(v.path, v.module, v.source_root, v.is_package, v.status, v.lines, v.imports, v.definitions,
      v.assignments, v.calls, v.loops, v.conditions, v.returns, v.name_uses, v.python2,
      v.python3_only, v.diagnostics);
  } else {
    static_assert(sizeof(S) == 0, "no field list for this type");
  }
}

// Strings repeat within a file (every fact's scope, the names a module
// calls again and again): one of kInternedSize bytes or more is written once
// and then referred to by its number, which made the pack a third of its
// size on a million lines. A string is a varint tag, then: tag even, a new
// string of tag/2 bytes; tag odd, the (tag/2)th string interned before.
constexpr std::size_t kInternedSize = 4;

class Writer {
 public:
  template <class... T>
  void operator()(const T&... values) {
    (put(values), ...);
  }
  std::string take() { return std::move(out_); }

 private:
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  template <class T>
  void put(const T& v) {
    if constexpr (std::is_same_v<T, bool>) {
      varint(v ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      varint(static_cast<std::uint64_t>(v));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      const auto s = static_cast<std::int64_t>(v);  // zigzag: small negatives stay short
      varint((static_cast<std::uint64_t>(s) << 1) ^ static_cast<std::uint64_t>(s >> 63));
    } else if constexpr (std::is_integral_v<T>) {
      varint(v);
    } else if constexpr (std::is_same_v<T, std::string>) {
      if (v.size() >= kInternedSize) {
        const auto [at, fresh] = interned_.try_emplace(v, interned_.size());
        if (!fresh) {
          varint(at->second * 2 + 1);
          return;
        }
      }
      varint(v.size() * 2);
      out_ += v;
    } else if constexpr (requires {
                           v.size();
                           v.begin();
                         }) {
      varint(v.size());
      for (const auto& item : v)
        put(item);
    } else {
      describe(*this, v);
    }
  }
  std::string out_;
  std::unordered_map<std::string_view, std::uint64_t> interned_;  // views into the summary
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : in_(bytes) {}
  template <class... T>
  void operator()(T&... values) {
    (get(values), ...);
  }
  bool ok() const { return ok_ && at_ == in_.size(); }

 private:
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64 && ok_; shift += 7) {
      if (at_ >= in_.size()) break;
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return v;
    }
    ok_ = false;
    return 0;
  }
  template <class T>
  void get(T& v) {
    if (!ok_) return;
    if constexpr (std::is_same_v<T, bool>) {
      v = varint() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      v = static_cast<T>(varint());
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      const std::uint64_t z = varint();
      v = static_cast<T>(static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1));
    } else if constexpr (std::is_integral_v<T>) {
      v = static_cast<T>(varint());
    } else if constexpr (std::is_same_v<T, std::string>) {
      const std::uint64_t tag = varint();
      if (tag & 1) {
        if (tag / 2 >= interned_.size()) return void(ok_ = false);
        v.assign(interned_[tag / 2]);
        return;
      }
      const std::uint64_t n = tag / 2;
      if (n > in_.size() - at_) return void(ok_ = false);
      v.assign(in_.substr(at_, n));
      if (n >= kInternedSize) interned_.push_back(in_.substr(at_, n));
      at_ += n;
    } else if constexpr (requires {
                           v.resize(0);
                           v.begin();
                         }) {
      const std::uint64_t n = varint();
      // Every element takes at least one byte: a count beyond what is left
      // is damage, not a reason to allocate.
      if (n > in_.size() - at_) return void(ok_ = false);
      v.resize(n);
      for (auto& item : v)
        get(item);
    } else {
      // Values nest (a call's arguments); a damaged entry must not nest
      // deeper than the collector ever writes.
      if (++depth_ > kMaxNesting) return void(ok_ = false);
      describe(*this, v);
      --depth_;
    }
  }
  static constexpr int kMaxNesting = 256;
  std::string_view in_;
  std::vector<std::string_view> interned_;  // views into `in_`
  std::size_t at_ = 0;
  int depth_ = 0;
  bool ok_ = true;
};

}  // namespace

std::string encode_summary(const FileSummary& summary) {
  Writer w;
  w(summary);
  return w.take();
}

std::optional<FileSummary> decode_summary(std::string_view bytes) {
  FileSummary summary;
  Reader r(bytes);
  r(summary);
  if (!r.ok()) return std::nullopt;
  return summary;
}

}  // namespace cutover
