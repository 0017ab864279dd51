"""Language choice: Vietnamese unless the person chose otherwise.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an English-language
browser on a ward desktop would get an English site. Here only the language the person picked
(the `set_language` cookie) changes it; everyone else gets `settings.LANGUAGE_CODE` (vi).
"""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response
