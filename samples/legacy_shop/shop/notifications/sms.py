# -*- coding: utf-8 -*-
"""Two SMS providers: the old one is called with urllib2 (form encoded),
the new one with requests (JSON).  Both post delivery reports back to
/hooks/sms/<provider>."""
import hashlib
import hmac
import json
import logging
import urllib
import urllib2

import requests
from flask import current_app

log = logging.getLogger(__name__)
PROVIDERS = ('textblast', 'smsgate')


def _send_textblast(phone, text):
    data = urllib.urlencode({'to': phone, 'text': text.encode('utf-8'),
                             'key': current_app.config['SMS_API_KEY']})
    req = urllib2.Request(current_app.config['SMS_API_URL'], data)
    try:
        resp = urllib2.urlopen(req, timeout=5)
        return resp.getcode() == 200
    except urllib2.URLError, e:
        log.error('textblast failed: %s', e)
        return False


def _send_smsgate(phone, text):
    resp = requests.post('https://smsgate.example/api/messages',
                         data=json.dumps({'recipient': phone, 'body': text}),
                         headers={'Content-Type': 'application/json'}, timeout=5)
    return resp.status_code in (200, 201, 202)


def send_sms(phone, text, provider=None):
    provider = provider or current_app.config['SMS_PROVIDER']
    if provider not in PROVIDERS:
        raise ValueError, 'unknown sms provider %s' % provider
    if not phone:
        return False
    sender = _send_textblast if provider == 'textblast' else _send_smsgate
    return sender(phone, text[:160])


def verify_signature(provider, body, signature):
    secret = current_app.config['WEBHOOK_SECRETS'].get(provider)
    if not secret or not signature:
        return False
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, str(signature))
