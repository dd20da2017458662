# -*- coding: utf-8 -*-
from flask import (abort, flash, g, jsonify, redirect, render_template, request,
                   session, url_for)
from flask_login import current_user, login_required, login_user, logout_user

from . import bp
from .services import AuthError, authenticate, change_password, register_user
from .tokens import BadResetToken, load_reset_token, make_reset_token
from shop.models import User
from shop.notifications import mailer
from shop.utils import normalize_email, safe_next_url
from shop.utils.decorators import rate_limited


@bp.before_app_request
def refresh_session_marker():
    # Old mobile app reads this cookie to know whether it's logged in.
    if current_user.is_authenticated:
        session['uid'] = current_user.get_id()
    else:
        session.pop('uid', None)


@bp.route('/login', methods=['GET', 'POST'])
@rate_limited(20, per=60)
def login():
    if current_user.is_authenticated:
        return redirect(url_for('index'))
    error = None
    if request.method == 'POST':
        try:
            user = authenticate(request.form.get('email'), request.form.get('password'))
        except AuthError, e:
            error = unicode(e)
        else:
            login_user(user, remember=bool(request.form.get('remember')))
            session.permanent = True
            return redirect(safe_next_url(request.args.get('next')))
    return render_template('auth/login.html', error=error)


@bp.route('/logout')
def logout():
    logout_user()
    session.pop('cart', None)
    flash(u'You have been logged out.')
    return redirect(url_for('index'))


@bp.route('/register', methods=['GET', 'POST'])
def register():
    form = request.form
    error = None
    if request.method == 'POST':
        if form.get('password') != form.get('password_confirm'):
            error = u'Passwords do not match.'
        else:
            try:
                user = register_user(form['email'], form['password'], form.get('full_name', u''))
            except AuthError, e:
                error = unicode(e)
            else:
                login_user(user)
                mailer.send_welcome(user)
                return redirect(url_for('users.profile'))
    return render_template('auth/register.html', error=error, form=form)


@bp.route('/password/forgot', methods=['GET', 'POST'])
@rate_limited(5, per=300)
def forgot_password():
    if request.method == 'POST':
        user = User.query.filter_by(email=normalize_email(request.form.get('email'))).first()
        if user is not None:
            token = make_reset_token(user)
            mailer.send_password_reset(user, url_for('auth.reset_password', token=token, _external=True))
        # Same answer either way: don't leak which addresses exist.
        flash(u'If the address is known, a reset link is on its way.')
        return redirect(url_for('auth.login'))
    return render_template('auth/forgot.html')


@bp.route('/password/reset/<token>', methods=['GET', 'POST'])
def reset_password(token):
    try:
        user = load_reset_token(token)
    except BadResetToken, e:
        flash(u'This link is %s.' % e)
        return redirect(url_for('auth.forgot_password'))
    if request.method == 'POST':
        try:
            change_password(user, request.form.get('password'))
        except AuthError, e:
            return render_template('auth/reset.html', token=token, error=unicode(e))
        flash(u'Password changed, please log in.')
        return redirect(url_for('auth.login'))
    return render_template('auth/reset.html', token=token)


@bp.route('/session')
def session_info():
    """Polled by the legacy mobile app and the header widget."""
    if not current_user.is_authenticated:
        return jsonify(authenticated=False)
    return jsonify(authenticated=True, user_id=current_user.id,
                   email=current_user.email, is_admin=bool(current_user.is_admin),
                   currency=g.currency)


@bp.route('/session', methods=['DELETE'])
@login_required
def end_session():
    logout_user()
    session.clear()
    return '', 204
