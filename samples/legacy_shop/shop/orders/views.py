# -*- coding: utf-8 -*-
from flask import abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

import pricing
from cart import SessionCart
from shop.models import Address, Order
from shop.orders import bp
from shop.orders import services
from shop.utils import format_money, json_error


def _cart():
    uid = current_user.get_id() if current_user.is_authenticated else None
    return SessionCart(uid)


@bp.context_processor
def inject_cart_count():
    return {'cart_count': _cart().count()}


@bp.route('/cart')
def view_cart():
    cart = _cart()
    lines = cart.lines()
    country = request.args.get('country', 'DE')
    try:
        quote = pricing.quote([(p.price_cents, q) for p, q in lines], country,
                              request.args.get('coupon'))
    except ValueError, e:
        flash(unicode(e))
        quote = pricing.quote([(p.price_cents, q) for p, q in lines], country)
    return render_template('orders/cart.html', lines=lines, quote=quote)


@bp.route('/cart/items', methods=['POST'])
def add_to_cart():
    data = request.get_json(silent=True) or request.form
    try:
        product_id = int(data['product_id'])
        quantity = int(data.get('quantity', 1))
    except (KeyError, ValueError), e:
        return json_error('bad request: %s' % e)
    if not 0 < quantity <= 99:
        return json_error('quantity out of range')
    cart = _cart()
    cart.add(product_id, quantity)
    return jsonify(count=cart.count())


@bp.route('/cart/items/<int:item_id>', methods=['DELETE'])
def remove_from_cart(item_id):
    if not _cart().remove(item_id):
        return json_error('not in cart', 404)
    return '', 204


@bp.route('/checkout', methods=['GET', 'POST'])
@login_required
def checkout():
    cart = _cart()
    addresses = current_user.addresses.all()
    if request.method == 'POST':
        address = Address.query.filter_by(id=request.form.get('address_id', type=int),
                                          user_id=current_user.id).first()
        if address is None:
            flash(u'Please choose a delivery address.')
        else:
            try:
                order = services.place_order(current_user, cart, address,
                                             coupon=request.form.get('coupon') or None,
                                             note=request.form.get('note'))
            except services.CheckoutError, e:
                flash(unicode(e))
            else:
                return redirect(url_for('orders.order_detail', order_id=order.id))
    return render_template('orders/checkout.html', lines=cart.lines(), addresses=addresses)


@bp.route('/')
@login_required
def order_history():
    status = request.args.get('status')
    orders = services.orders_for_user(current_user, status).limit(50).all()
    return render_template('orders/history.html', orders=orders, status=status)


@bp.route('/<int:order_id>')
@login_required
def order_detail(order_id):
    order = Order.query.get_or_404(order_id)
    if order.user_id != current_user.id and not current_user.is_admin:
        abort(404)
    return render_template('orders/detail.html', order=order,
                           total=format_money(order.total_cents, order.currency))


@bp.route('/<int:order_id>/cancel', methods=['POST'])
@login_required
def cancel_order(order_id):
    order = Order.query.filter_by(id=order_id, user_id=current_user.id).first_or_404()
    try:
        services.cancel_order(order, reason=request.form.get('reason', u''))
    except services.CheckoutError, e:
        return json_error(unicode(e), 409)
    return redirect(url_for('orders.order_detail', order_id=order.id))


@bp.route('/track/<uuid:tracking_id>')
def track_order(tracking_id):
    order = services.find_by_tracking(tracking_id)
    if order is None:
        abort(404)
    return jsonify(status=order.status, updated_at=order.updated_at.isoformat())
