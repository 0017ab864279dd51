from django.db import connection
from django.test.utils import CaptureQueriesContext

def test_pages_render(client_for, learner, course, modules, enrolled):
    c = client_for(learner)
    c.get(modules[0].url)
    for url in (course.url, modules[0].url, "/hoc-tap/"):
        with CaptureQueriesContext(connection) as ctx:
            r = c.get(url)
        assert r.status_code == 200
        print(url, len(ctx.captured_queries))
        for q in ctx.captured_queries: print("   ", q["sql"][:230])
