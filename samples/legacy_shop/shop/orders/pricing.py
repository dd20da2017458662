# -*- coding: utf-8 -*-
"""Prices are integers in cents everywhere (never floats!).  Totals are
computed here and nowhere else -- admin refunds call back into this module."""
from decimal import Decimal, ROUND_HALF_UP

CENTS = 100L
FREE_SHIPPING_FROM = 5000L   # 50,00 €
SHIPPING_FLAT = {'DE': 495, 'AT': 695, 'CH': 1495}
SHIPPING_DEFAULT = 1995
VAT_RATES = {'DE': Decimal('0.19'), 'AT': Decimal('0.20'), 'FR': Decimal('0.20'),
             'CH': Decimal('0.00'), 'NL': Decimal('0.21')}
COUPONS = {
    'WELCOME10': ('percent', 10),
    'SPRING5': ('fixed', 500),
    'FREESHIP': ('shipping', 0),
}


def _round(amount):
    return int(Decimal(amount).quantize(Decimal('1'), rounding=ROUND_HALF_UP))


def shipping_for(country, subtotal_cents):
    if subtotal_cents >= FREE_SHIPPING_FROM:
        return 0
    return SHIPPING_FLAT.get(country, SHIPPING_DEFAULT)


def vat_for(country, net_cents):
    rate = VAT_RATES.get(country)
    if rate is None:
        raise ValueError, "no VAT rate configured for country %r" % country
    return _round(Decimal(net_cents) * rate)


def discount_for(code, subtotal_cents, shipping_cents):
    if not code:
        return 0
    if not COUPONS.has_key(code.upper()):
        raise ValueError, "unknown coupon %s" % code
    kind, value = COUPONS[code.upper()]
    if kind == 'percent':
        return _round(Decimal(subtotal_cents) * value / CENTS)
    if kind == 'fixed':
        return min(value, subtotal_cents)
    return shipping_cents


def quote(lines, country, coupon=None):
    """``lines`` is a list of (unit_price_cents, quantity) tuples."""
    subtotal = sum(price * qty for price, qty in lines)
    shipping = shipping_for(country, subtotal)
    discount = discount_for(coupon, subtotal, shipping)
    vat = vat_for(country, subtotal - min(discount, subtotal))
    return {'subtotal_cents': subtotal, 'shipping_cents': shipping,
            'discount_cents': discount, 'vat_cents': vat,
            'total_cents': subtotal + shipping + vat - discount}


def refund_amount(order, item_ids=None):
    """Full refund unless a subset of order item ids is given."""
    if item_ids is None:
        return order.total_cents
    net = sum(i.line_total_cents for i in order.items if i.id in item_ids)
    country = order.address.country if order.address else 'DE'
    return net + vat_for(country, net)
