# -*- coding: utf-8 -*-
import json

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from shop.extensions import db
from shop.models import WebhookEvent
from . import bp, mailer, prefs, sms


@bp.route('/notifications/preferences', methods=['GET', 'POST'])
@login_required
def preferences():
    if request.method == 'POST':
        changed = prefs.update_prefs(current_user, request.form)
        flash(u'Saved (%d change%s).' % (len(changed), '' if len(changed) == 1 else 's'))
        return redirect(url_for('notifications.preferences'))
    return render_template('notifications/preferences.html', prefs=prefs.prefs_for(current_user))


@bp.route('/notifications/unsubscribe/<uuid:token>')
def unsubscribe(token):
    if prefs.unsubscribe(token) is None:
        abort(404)
    return render_template('notifications/unsubscribed.html')


@bp.route('/notifications/test/<channel>', methods=['POST'])
@login_required
def send_test(channel):
    if channel == 'email':
        ok = mailer.send_test_message(current_user)
    elif channel == 'sms':
        ok = sms.send_sms(current_user.phone, u'Legacy Shop test message')
    else:
        abort(404)
    return jsonify(sent=bool(ok))


@bp.route('/hooks/sms/<provider>', methods=['POST'])
def sms_delivery_report(provider):
    if provider not in sms.PROVIDERS:
        abort(404)
    if not sms.verify_signature(provider, request.get_data(), request.headers.get('X-Signature')):
        abort(403)
    event = WebhookEvent(provider=provider, kind='sms_status', payload=request.get_data())
    db.session.add(event)
    db.session.commit()
    return jsonify(received=event.id)


@bp.route('/hooks/email/bounce', methods=['POST'])
def email_bounce():
    payload = request.get_json(force=True, silent=True) or {}
    recipients = payload.get('recipients', [])
    if isinstance(recipients, basestring):
        recipients = [recipients]
    bounced = [r for r in recipients if prefs.mark_bounced(r)]
    db.session.add(WebhookEvent(provider='smtp', kind='bounce', payload=json.dumps(payload)))
    db.session.commit()
    return jsonify(bounced=len(bounced))
