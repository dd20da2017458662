# -*- coding: utf-8 -*-
from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from . import admin_bp
from .services import (AdminError, dashboard_counts, disable_user, refund_order,
                       save_product, search_users, update_user)
from ..models import Order, Product, User
from ..utils import parse_page, paginate
from ..utils.decorators import admin_required
from shop.tasks import sales_rollup


@admin_bp.before_request
@login_required
@admin_required
def guard():
    """Every admin URL requires an admin; nothing to do beyond the decorators."""


@admin_bp.errorhandler(AdminError)
def admin_error(e):
    flash(unicode(e), 'error')
    return redirect(request.referrer or url_for('admin.dashboard'))


@admin_bp.route('/')
def dashboard():
    return render_template('admin/dashboard.html', counts=dashboard_counts())


@admin_bp.route('/users/')
def list_users():
    active = {'1': True, '0': False}.get(request.args.get('active'))
    result = paginate(search_users(request.args.get('q'), active),
                      parse_page(request.args.get('page')), 50)
    return render_template('admin/users.html', **result)


@admin_bp.route('/users/<int:user_id>', methods=['GET', 'POST'])
def edit_user(user_id):
    user = User.query.get_or_404(user_id)
    if request.method == 'POST':
        changes = update_user(user, request.form, current_user)
        flash(u'%d field(s) updated.' % len(changes))
        return redirect(url_for('admin.edit_user', user_id=user.id))
    return render_template('admin/user_edit.html', user=user)


@admin_bp.route('/users/<int:user_id>/disable', methods=['POST'])
def disable(user_id):
    user = User.query.get_or_404(user_id)
    if user.id == current_user.id:
        abort(400)
    disable_user(user, current_user)
    return redirect(url_for('admin.list_users'))


@admin_bp.route('/products/new', methods=['GET', 'POST'])
def create_product():
    if request.method == 'POST':
        product = save_product(request.form)
        return redirect(url_for('admin.edit_product', product_id=product.id))
    return render_template('admin/product_edit.html', product=None)


@admin_bp.route('/products/<int:product_id>/edit', methods=['GET', 'POST'])
def edit_product(product_id):
    product = Product.query.get_or_404(product_id)
    if request.method == 'POST':
        save_product(request.form, product)
        flash(u'Product saved.')
    return render_template('admin/product_edit.html', product=product)


@admin_bp.route('/products/<int:product_id>', methods=['DELETE'])
def delete_product(product_id):
    product = Product.query.get_or_404(product_id)
    product.is_published = False  # soft delete: order_items keep pointing at it
    from ..extensions import db
    db.session.commit()
    return jsonify(unpublished=product.id)


@admin_bp.route('/orders/<int:order_id>/refund', methods=['POST'])
def refund(order_id):
    order = Order.query.get_or_404(order_id)
    item_ids = [int(i) for i in request.form.getlist('item_id')] or None
    amount = refund_order(order, current_user, item_ids)
    return jsonify(order_id=order.id, refunded_cents=amount, status=order.status)


@admin_bp.route('/reports/rollup', methods=['POST'])
def rerun_rollup():
    day = request.form.get('day')
    result = sales_rollup.delay(day)
    return jsonify(task_id=getattr(result, 'id', None)), 202
