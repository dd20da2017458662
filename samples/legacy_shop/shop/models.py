# -*- coding: utf-8 -*-
"""All database models live in this module on purpose; every package
imports from here (``from shop.models import ...``)."""
import datetime
import uuid

from flask_login import UserMixin
from sqlalchemy.orm import validates
from werkzeug.security import check_password_hash

from shop.extensions import db


def _utcnow():
    return datetime.datetime.utcnow()


def _new_token():
    return str(uuid.uuid4())


products_categories = db.Table(
    'products_categories',
    db.Column('product_id', db.Integer, db.ForeignKey('products.id'), primary_key=True),
    db.Column('category_id', db.Integer, db.ForeignKey('categories.id'), primary_key=True),
)


class User(UserMixin, db.Model):
    __tablename__ = 'users'

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False, index=True)
    password_hash = db.Column(db.String(255), nullable=False)
    full_name = db.Column(db.Unicode(120))
    phone = db.Column(db.String(32))
    is_admin = db.Column(db.Boolean, default=False)
    is_staff = db.Column(db.Boolean, default=False)
    active = db.Column(db.Boolean, default=True)
    failed_logins = db.Column(db.Integer, default=0)
    locked_until = db.Column(db.DateTime)
    last_login_at = db.Column(db.DateTime)
    created_at = db.Column(db.DateTime, default=_utcnow)

    addresses = db.relationship('Address', backref='user', lazy='dynamic',
                                cascade='all, delete-orphan')
    orders = db.relationship('Order', backref='user', lazy='dynamic')
    notification_prefs = db.relationship('NotificationPref', backref='user', uselist=False)

    @validates('email')
    def _validate_email(self, key, value):
        if not value or '@' not in value:
            raise ValueError("invalid e-mail address: %r" % (value,))
        return value.strip().lower()

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    @property
    def is_active(self):
        return bool(self.active)

    def default_address(self):
        return self.addresses.filter_by(is_default=True).first()

    def __repr__(self):
        return '<User %s>' % self.email


class Address(db.Model):
    __tablename__ = 'addresses'

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('users.id'), nullable=False)
    label = db.Column(db.Unicode(40), default=u'Home')
    street = db.Column(db.Unicode(200), nullable=False)
    zip_code = db.Column(db.String(16), nullable=False)
    city = db.Column(db.Unicode(100), nullable=False)
    country = db.Column(db.String(2), nullable=False, default='DE')
    is_default = db.Column(db.Boolean, default=False)

    def one_line(self):
        return u'%s, %s %s, %s' % (self.street, self.zip_code, self.city, self.country)


class Category(db.Model):
    __tablename__ = 'categories'

    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('categories.id'))
    name = db.Column(db.Unicode(80), nullable=False)
    slug = db.Column(db.String(80), nullable=False, index=True)

    children = db.relationship('Category', backref=db.backref('parent', remote_side=[id]))

    def path(self):
        parts, node = [], self
        while node is not None:
            parts.insert(0, node.slug)
            node = node.parent
        return '/'.join(parts)


class Product(db.Model):
    __tablename__ = 'products'

    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(32), unique=True, nullable=False)
    name = db.Column(db.Unicode(200), nullable=False)
    slug = db.Column(db.String(200), unique=True, index=True)
    description = db.Column(db.UnicodeText)
    price_cents = db.Column(db.Integer, nullable=False)
    stock = db.Column(db.Integer, default=0)
    is_published = db.Column(db.Boolean, default=True)
    featured = db.Column(db.Boolean, default=False)
    updated_at = db.Column(db.DateTime, default=_utcnow, onupdate=_utcnow)

    categories = db.relationship('Category', secondary=products_categories,
                                 backref=db.backref('products', lazy='dynamic'))

    @property
    def price(self):
        return self.price_cents / 100.0

    def in_stock(self, quantity=1):
        return self.is_published and (self.stock or 0) >= quantity


class Order(db.Model):
    __tablename__ = 'orders'

    STATUSES = ('pending', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')
    CANCELLABLE = ('pending', 'paid')

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('users.id'), nullable=False, index=True)
    address_id = db.Column(db.Integer, db.ForeignKey('addresses.id'))
    status = db.Column(db.String(16), default='pending', nullable=False)
    tracking_id = db.Column(db.String(36), default=_new_token, unique=True)
    currency = db.Column(db.String(3), default='EUR')
    subtotal_cents = db.Column(db.Integer, default=0)
    vat_cents = db.Column(db.Integer, default=0)
    shipping_cents = db.Column(db.Integer, default=0)
    discount_cents = db.Column(db.Integer, default=0)
    coupon_code = db.Column(db.String(32))
    note = db.Column(db.UnicodeText)
    created_at = db.Column(db.DateTime, default=_utcnow, index=True)
    updated_at = db.Column(db.DateTime, default=_utcnow, onupdate=_utcnow)

    items = db.relationship('OrderItem', backref='order', cascade='all, delete-orphan')
    address = db.relationship('Address')

    @property
    def total_cents(self):
        return (self.subtotal_cents + self.vat_cents + self.shipping_cents
                - (self.discount_cents or 0))

    def can_cancel(self):
        return self.status in self.CANCELLABLE


class OrderItem(db.Model):
    __tablename__ = 'order_items'

    id = db.Column(db.Integer, primary_key=True)
    order_id = db.Column(db.Integer, db.ForeignKey('orders.id'), nullable=False)
    product_id = db.Column(db.Integer, db.ForeignKey('products.id'), nullable=False)
    quantity = db.Column(db.Integer, nullable=False, default=1)
    unit_price_cents = db.Column(db.Integer, nullable=False)

    product = db.relationship('Product')

    @property
    def line_total_cents(self):
        return self.quantity * self.unit_price_cents


class NotificationPref(db.Model):
    __tablename__ = 'notifications_prefs'

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('users.id'), unique=True, nullable=False)
    email_orders = db.Column(db.Boolean, default=True)
    email_newsletter = db.Column(db.Boolean, default=False)
    sms_shipping = db.Column(db.Boolean, default=False)
    unsubscribe_token = db.Column(db.String(36), default=_new_token, unique=True)
    bounced = db.Column(db.Boolean, default=False)


class WebhookEvent(db.Model):
    __tablename__ = 'webhook_events'

    id = db.Column(db.Integer, primary_key=True)
    provider = db.Column(db.String(32), nullable=False)
    kind = db.Column(db.String(32), nullable=False)
    payload = db.Column(db.Text)
    received_at = db.Column(db.DateTime, default=_utcnow)


class AuditLog(db.Model):
    __tablename__ = 'audit_log'

    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('users.id'))
    actor_id = db.Column(db.Integer, db.ForeignKey('users.id'))
    action = db.Column(db.String(64), nullable=False)
    detail = db.Column(db.UnicodeText)
    created_at = db.Column(db.DateTime, default=_utcnow)

    @classmethod
    def record(cls, user_id, action, detail=None, actor_id=None):
        entry = cls(user_id=user_id, action=action, actor_id=actor_id or user_id,
                    detail=unicode(detail) if detail is not None else None)
        db.session.add(entry)
        return entry
