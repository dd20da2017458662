#include "link/data_models.h"

#include <algorithm>

#include "link/class_hierarchy.h"
#include "model/dotted_name.h"

namespace cutover {
namespace {

bool is_call_to(const PythonValue& value, std::string_view callee) {
  return value.kind == PythonValue::Kind::kCall && last_name(value.text) == callee;
}

// A class attribute (`__tablename__`, or `db_table` with scope "X.Meta").
const PythonValue* class_attribute(const FileSummary& file, const std::string& scope,
                                   std::string_view name) {
  const PythonValue* found = nullptr;
  for (const AssignmentFact& a : file.assignments) {
    if (a.scope == scope && a.target == name && !a.augmented) found = &a.value;
  }
  return found;
}

bool is_true(const PythonValue* value) {
  return value && value->kind == PythonValue::Kind::kBool && value->text == "True";
}

enum class Orm : std::uint8_t { kNone, kSqlAlchemy, kFlaskSqlAlchemy, kDjango };

// Whether `dotted`, a base class written in `scope` of `file`, is an
// SQLAlchemy declarative base. Flask-SQLAlchemy's `db.Model` names tables itself.
Orm sqlalchemy_base(const NameResolver& names, std::size_t file, std::string_view scope,
                    std::string_view dotted) {
  const NameTarget t = names.resolve(file, scope, dotted);
  if (t.kind == NameTarget::Kind::kAssignment &&
      (is_call_to(t.assignment->value, "declarative_base") ||
       is_call_to(t.assignment->value, "generate_base"))) {
    return Orm::kSqlAlchemy;
  }
  if (t.kind == NameTarget::Kind::kExternal &&
      (t.name == "sqlalchemy.orm.DeclarativeBase" || t.name == "flask_sqlalchemy.Model" ||
       t.name == "flask_sqlalchemy.model.Model")) {
    return t.name.starts_with("flask") ? Orm::kFlaskSqlAlchemy : Orm::kSqlAlchemy;
  }
  if (dotted.ends_with(".Model")) {  // db.Model, with db = SQLAlchemy(...)
    const NameTarget db = names.resolve(file, scope, dotted.substr(0, dotted.size() - 6));
    if (db.kind == NameTarget::Kind::kAssignment && is_call_to(db.assignment->value, "SQLAlchemy"))
      return Orm::kFlaskSqlAlchemy;
  }
  return Orm::kNone;
}

bool is_django_model_base(std::string_view external) {
  return external == "django.db.models.Model" || external == "django.db.models.base.Model" ||
         external == "django.contrib.gis.db.models.Model" ||
         external == "django.contrib.auth.models.AbstractUser" ||
         external == "django.contrib.auth.models.AbstractBaseUser";
}

Orm orm_of(const NameResolver& names, std::size_t file, const DefinitionFact& cls) {
  Orm found = Orm::kNone;
  walk_class_hierarchy(
      names, file, cls.scope, cls.name,
      [&](std::size_t at, const DefinitionFact& ancestor) {
        for (const PythonValue& base : ancestor.bases) {
          if (base.kind != PythonValue::Kind::kName || found != Orm::kNone) continue;
          found = sqlalchemy_base(names, at, ancestor.scope, base.text);
        }
      },
      [&](const std::string& external) {
        if (found == Orm::kNone && is_django_model_base(external)) found = Orm::kDjango;
      });
  return found;
}

// Django's default table: "<app_label>_<modelname>", the app label being
// the package that holds the models module.
std::string django_table(const FileSummary& file, const DefinitionFact& cls) {
  const std::string meta = cls.qualified_name + ".Meta";
  if (const PythonValue* table = class_attribute(file, meta, "db_table");
      table && table->is_string())
    return table->text;
  std::string label;
  if (const PythonValue* given = class_attribute(file, meta, "app_label");
      given && given->is_string()) {
    label = given->text;
  } else {
    std::vector<std::string_view> parts;
    std::string_view rest = file.module;
    for (std::size_t dot; (dot = rest.find('.')) != std::string_view::npos;
         rest.remove_prefix(dot + 1))
      parts.push_back(rest.substr(0, dot));
    parts.push_back(rest);
    const auto models = std::find(parts.begin(), parts.end(), "models");
    if (models != parts.begin() && models != parts.end()) {
      label = std::string(*(models - 1));
    } else if (parts.size() >= 2) {
      label = std::string(parts[parts.size() - 2]);
    } else {
      label = std::string(parts.back());
    }
  }
  std::string name = cls.name;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return label + "_" + name;
}

}  // namespace

std::string camel_to_snake(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0) {
      const bool prev_lower =
          (name[i - 1] >= 'a' && name[i - 1] <= 'z') || (name[i - 1] >= '0' && name[i - 1] <= '9');
      const bool next_lower = i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z';
      if (prev_lower || (next_lower && name[i - 1] != '_')) out += '_';
    }
    out += upper ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::vector<DataModel> find_data_models(const NameResolver& names, const ModuleIndex& index) {
  std::vector<DataModel> out;
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    for (const DefinitionFact& cls : file.definitions) {
      if (cls.kind != DefinitionFact::Kind::kClass || cls.bases.empty()) continue;
      const Orm orm = orm_of(names, f, cls);
      if (orm == Orm::kNone) continue;
      std::string table;
      if (orm == Orm::kDjango) {
        if (is_true(class_attribute(file, cls.qualified_name + ".Meta", "abstract"))) continue;
        table = django_table(file, cls);
      } else {
        if (is_true(class_attribute(file, cls.qualified_name, "__abstract__"))) continue;
        const PythonValue* given = class_attribute(file, cls.qualified_name, "__tablename__");
        if (given && given->is_string()) {
          table = given->text;
        } else if (orm == Orm::kFlaskSqlAlchemy && !given) {
          table = camel_to_snake(cls.name);
        } else {
          continue;  // a declarative base or mixin
        }
      }
      out.push_back(DataModel{.name = file.module + "." + cls.qualified_name,
                              .module = index.id_of(f),
                              .orm = orm == Orm::kDjango ? "django" : "sqlalchemy",
                              .table = std::move(table),
                              .file = file.path,
                              .line = cls.line});
    }
    for (const AssignmentFact& a : file.assignments) {
      if (!a.scope.empty() || !is_call_to(a.value, "Table")) continue;
      const PythonValue* name = a.value.positional(0);
      if (!name || !name->is_string()) continue;
      out.push_back(DataModel{.name = file.module + "." + a.target,
                              .module = index.id_of(f),
                              .orm = "sqlalchemy",
                              .table = name->text,
                              .file = file.path,
                              .line = a.line});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const DataModel& a, const DataModel& b) { return a.name < b.name; });
  return out;
}

}  // namespace cutover
