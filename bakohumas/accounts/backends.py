"""Log in with the user name or the e-mail address (formats/akun.md section 3). Listed after django-axes's
backend, which counts failures and locks out before any password is checked."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from bakohumas.offices.models import User


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username and password is not None:
            # One account per e-mail address, whatever its case (a database constraint), so at most one match.
            user = User.objects.filter(email__iexact=username.strip()).first()
            if user is None:
                User().set_password(password)  # the same work as for a known address (Django's #20760)
                return None
            if user.check_password(password) and self.user_can_authenticate(user):
                return user
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
