#pragma once
// Finds the data models of the tree by walking class inheritance: classes
// deriving (through classes of the tree) from Flask-SQLAlchemy's `db.Model`,
// an SQLAlchemy declarative base (`declarative_base()`, `DeclarativeBase`)
// or `django.db.models.Model`; and `Table('name', metadata, ...)`.
// Abstract classes (`__abstract__ = True`, `Meta.abstract = True`) and
// declarative classes without a table name are bases, not tables.

#include <vector>

#include "link/module_index.h"
#include "link/name_resolver.h"
#include "model/data_model.h"

namespace cutover {

std::vector<DataModel> find_data_models(const NameResolver& names, const ModuleIndex& index);

// Flask-SQLAlchemy's default table name: "OrderItem" → "order_item".
std::string camel_to_snake(std::string_view name);

}  // namespace cutover
