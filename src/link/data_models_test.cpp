// Finding SQLAlchemy and Django models by walking class inheritance.

#include "link/data_models.h"

#include <catch2/catch.hpp>

#include "testing/summaries_for_test.h"

namespace cutover {
namespace {

std::vector<std::string> tables_of(const std::vector<testing::PythonFile>& tree) {
  const Inventory inv = testing::link_python(tree);
  std::vector<std::string> out;
  for (const DataModel& m : inv.models)
    out.push_back(m.name + "=" + m.table + "(" + m.orm + ")");
  return out;
}

TEST_CASE("Flask-SQLAlchemy models, declarative bases and Table()", "[unit][data_models]") {
  CHECK(tables_of({
            {"ext.py", "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n"},
            {"models.py", R"(from ext import db
from sqlalchemy.orm import declarative_base
Base = declarative_base()
class TimestampMixin(db.Model):
    __abstract__ = True
class OrderItem(TimestampMixin):
    pass
class User(db.Model):
    __tablename__ = 'accounts'
class Legacy(Base):
    __tablename__ = 'legacy_rows'
class NoTable(Base):
    pass
tags = db.Table('post_tags', db.Column('id'))
class NotAModel(object):
    pass
)"},
        }) == std::vector<std::string>{"models.Legacy=legacy_rows(sqlalchemy)",
                                       "models.OrderItem=order_item(sqlalchemy)",
                                       "models.User=accounts(sqlalchemy)",
                                       "models.tags=post_tags(sqlalchemy)"});
}

TEST_CASE("Django models: db_table, app label, abstract bases", "[unit][data_models]") {
  CHECK(tables_of({
            {"billing/__init__.py", ""},
            {"billing/models.py", R"(from django.db import models
class Base(models.Model):
    class Meta:
        abstract = True
class Invoice(Base):
    pass
class Line(models.Model):
    class Meta:
        db_table = 'invoice_lines'
)"},
        }) == std::vector<std::string>{"billing.models.Invoice=billing_invoice(django)",
                                       "billing.models.Line=invoice_lines(django)"});
}

TEST_CASE("camel_to_snake follows Flask-SQLAlchemy", "[unit][data_models]") {
  CHECK(camel_to_snake("OrderItem") == "order_item");
  CHECK(camel_to_snake("User") == "user");
  CHECK(camel_to_snake("HTTPLog") == "http_log");
  CHECK(camel_to_snake("Item2Tag") == "item2_tag");
}

TEST_CASE("table access: reads, and writes where the function writes", "[unit][data_models]") {
  const Inventory inv = testing::link_python({
      {"models.py",
       "from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n"
       "class Order(db.Model):\n    pass\n"},
      {"services.py", R"(from models import db, Order
def list_orders():
    return Order.query.all()
def place(sku):
    db.session.add(Order(sku=sku))
    db.session.commit()
def refund(order):
    order.status = 'refunded'
    db.session.commit()
)"},
  });
  std::vector<std::string> accesses;
  for (const TableAccess& a : inv.table_accesses)
    accesses.push_back(a.scope + ":" + a.table + (a.write ? ":write" : ":read"));
  CHECK(accesses == std::vector<std::string>{"list_orders:order:read", "place:order:write",
                                             "refund:order:write"});
}

}  // namespace
}  // namespace cutover
