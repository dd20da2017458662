# -*- coding: utf-8 -*-
from flask import abort, flash, g, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from shop.users import users_bp
from shop.users import services
from shop.users.services import ValidationError


@users_bp.before_request
@login_required
def require_login():
    g.user = current_user._get_current_object()


@users_bp.route('/profile')
def profile():
    return render_template('users/profile.html', user=g.user,
                           completeness=services.profile_completeness(g.user),
                           recent_orders=g.user.orders.limit(5).all())


@users_bp.route('/profile/edit', methods=['GET', 'POST'])
def edit_profile():
    errors = {}
    if request.method == 'POST':
        try:
            services.update_profile(g.user, request.form)
        except ValidationError, e:
            errors = e.errors
        else:
            flash(u'Profile saved.')
            return redirect(url_for('users.profile'))
    return render_template('users/edit_profile.html', user=g.user, errors=errors)


@users_bp.route('/addresses/')
def addresses():
    return render_template('users/addresses.html', addresses=g.user.addresses.all())


@users_bp.route('/addresses/new', methods=['GET', 'POST'])
def new_address():
    errors = {}
    if request.method == 'POST':
        try:
            services.add_address(g.user, request.form)
        except ValidationError, e:
            errors = e.errors
        else:
            return redirect(url_for('users.addresses'))
    return render_template('users/address_form.html', errors=errors, form=request.form)


@users_bp.route('/addresses/<int:address_id>', methods=['DELETE'])
def delete_address(address_id):
    if not services.delete_address(g.user, address_id):
        abort(404)
    return jsonify(deleted=address_id)


@users_bp.route('/addresses/<int:address_id>/default', methods=['POST'])
def make_default_address(address_id):
    address = services.set_default_address(g.user, address_id)
    if address is None:
        abort(404)
    if request.is_xhr:
        return jsonify(default=address.id)
    return redirect(url_for('users.addresses'))
