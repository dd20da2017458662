import datetime

from flask_appbuilder import Model
from sqlalchemy import Column, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import relationship


class Category(Model):
    id = Column(Integer, primary_key=True)
    name = Column(String(80), unique=True, nullable=False)
    description = Column(Text)

    def __repr__(self):
        return self.name


class Supplier(Model):
    id = Column(Integer, primary_key=True)
    name = Column(String(120), unique=True, nullable=False)
    email = Column(String(120))
    phone = Column(String(40))
    notes = Column(Text)

    def __repr__(self):
        return self.name


class Warehouse(Model):
    id = Column(Integer, primary_key=True)
    code = Column(String(10), unique=True, nullable=False)
    location = Column(String(200))

    def __repr__(self):
        return self.code


class Product(Model):
    id = Column(Integer, primary_key=True)
    sku = Column(String(32), unique=True, nullable=False)
    name = Column(String(120), nullable=False)
    unit_price = Column(Numeric(10, 2), default=0)
    reorder_level = Column(Integer, default=5)
    category_id = Column(Integer, ForeignKey("category.id"), nullable=False)
    category = relationship("Category")
    supplier_id = Column(Integer, ForeignKey("supplier.id"))
    supplier = relationship("Supplier")

    def __repr__(self):
        return "%s %s" % (self.sku, self.name)


class StockMove(Model):
    id = Column(Integer, primary_key=True)
    product_id = Column(Integer, ForeignKey("product.id"), nullable=False)
    product = relationship("Product")
    warehouse_id = Column(Integer, ForeignKey("warehouse.id"), nullable=False)
    warehouse = relationship("Warehouse")
    quantity = Column(Integer, nullable=False)
    moved_on = Column(Date, default=datetime.date.today)
    note = Column(String(200))
