"""Local development and the one-command demo: DEBUG on, a fixed key that is useless elsewhere."""

from .base import *

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-not-secret-an-toan-so")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
LMS_DEMO_ALLOWED = True
