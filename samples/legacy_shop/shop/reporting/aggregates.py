# -*- coding: utf-8 -*-
import calendar
import datetime
from collections import defaultdict

from sqlalchemy import func

from shop.extensions import db
from shop.models import Order, OrderItem, Product

REVENUE_STATUSES = ('paid', 'shipped', 'delivered')


def _orders_between(start, end):
    return (Order.query.filter(Order.created_at >= start, Order.created_at < end)
            .filter(Order.status.in_(REVENUE_STATUSES)))


def daily_totals(days=14, today=None):
    today = today or datetime.date.today()
    start = today - datetime.timedelta(days=days - 1)
    buckets = dict(((start + datetime.timedelta(days=i)).isoformat(), 0)
                   for i in xrange(days))
    for order in _orders_between(start, today + datetime.timedelta(days=1)):
        buckets[order.created_at.date().isoformat()] += order.total_cents
    return sorted(buckets.iteritems())


def monthly_breakdown(year, month):
    if not 1 <= month <= 12:
        raise ValueError("month out of range: %d" % month)
    first = datetime.date(year, month, 1)
    last_day = calendar.monthrange(year, month)[1]
    end = first + datetime.timedelta(days=last_day)
    by_status = defaultdict(int)
    by_country = defaultdict(int)
    for order in Order.query.filter(Order.created_at >= first, Order.created_at < end):
        by_status[order.status] += 1
        if order.status in REVENUE_STATUSES and order.address is not None:
            by_country[order.address.country] += order.total_cents
    revenue = reduce(lambda acc, cents: acc + cents, by_country.itervalues(), 0)
    return {'year': year, 'month': month, 'revenue_cents': revenue,
            'orders_by_status': dict(by_status),
            'revenue_by_country': sorted(by_country.iteritems(), key=lambda kv: -kv[1])}


def top_products(limit=10, since_days=30):
    since = datetime.datetime.utcnow() - datetime.timedelta(days=since_days)
    rows = (db.session.query(Product.id, Product.name, func.sum(OrderItem.quantity).label('qty'))
            .join(OrderItem, OrderItem.product_id == Product.id)
            .join(Order, Order.id == OrderItem.order_id)
            .filter(Order.created_at >= since, Order.status.in_(REVENUE_STATUSES))
            .group_by(Product.id, Product.name)
            .order_by(func.sum(OrderItem.quantity).desc())
            .limit(limit))
    return [{'id': r.id, 'name': r.name, 'quantity': int(r.qty)} for r in rows]
