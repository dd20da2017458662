# -*- coding: utf-8 -*-
import csv
import StringIO

from shop.models import Order
from shop.utils import to_unicode

COLUMNS = ('id', 'created_at', 'status', 'email', 'country', 'items', 'total', 'currency')


def orders_csv(start, end):
    buf = StringIO.StringIO()
    writer = csv.writer(buf, delimiter=';')
    writer.writerow(COLUMNS)
    query = (Order.query.filter(Order.created_at >= start, Order.created_at < end)
             .order_by(Order.id))
    for order in query.yield_per(500):
        writer.writerow([
            order.id,
            order.created_at.strftime('%Y-%m-%d %H:%M'),
            order.status,
            to_unicode(order.user.email).encode('utf-8'),
            order.address.country if order.address else '',
            sum(i.quantity for i in order.items),
            '%.2f' % (order.total_cents / 100.0),
            order.currency,
        ])
    return buf.getvalue()
