#!/usr/bin/env python3
"""The JSON, YAML and HTTP parts of ops/check.sh (run that; this is its helper).

    check.py rules                     alerts: summary, description, runbook anchor present in RUNBOOK.md
    check.py dashboards                dashboard JSON: datasource, uids, every panel has a query
    check.py test-config --port P --out DIR
                                       DIR/prometheus.yml + DIR/rules/: the loopback config, 5 s scrapes,
                                       ServiceDown after 15 s (the copy the live check runs)
    check.py traffic --token T         drives ingest, reads, searches and views through the services
    check.py targets | queries | recordings | metrics
                                       asks Prometheus ($PROM_URL): targets up, panel queries and
                                       recording rules return data, every metric named exists
    check.py alert --name A --job J [--resolved]
                                       waits for alert A{job=J} pending then firing (or gone)
"""
import argparse
import glob
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import yaml

OPS = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(OPS)
DASHBOARDS = sorted(glob.glob(os.path.join(OPS, "grafana", "dashboards", "*.json")))
RULE_FILES = sorted(glob.glob(os.path.join(OPS, "prometheus", "rules", "*.yml")))
SERVICES = {"ingest-service": 8081, "article-service": 8082, "search-service": 8083, "ranking-service": 8084}
# what Grafana would put in for its built-in variables, with the test config's 5 s scrapes
BUILTINS = {"__rate_interval": "1m", "__interval": "15s", "__range": "5m", "__range_s": "300",
            "__interval_ms": "15000"}


def problems_exit(problems, ok_message):
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(ok_message)


# ---- static -------------------------------------------------------------------------------------

def rules(_):
    runbook = open(os.path.join(OPS, "RUNBOOK.md"), encoding="utf-8").read()
    # GitHub's anchors: lower case, spaces to '-', punctuation other than '-' and '_' dropped
    anchors = {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
               for h in re.findall(r"^#+ (.+)$", runbook, re.M)}
    problems, alerts, records = [], 0, 0
    for path in RULE_FILES:
        for group in yaml.safe_load(open(path))["groups"]:
            for rule in group["rules"]:
                if "record" in rule:
                    records += 1
                    continue
                alerts += 1
                name, ann = rule["alert"], rule.get("annotations", {})
                for key in ("summary", "description", "runbook"):
                    if not ann.get(key):
                        problems.append(f"{name}: no {key} annotation")
                m = re.fullmatch(r".*ops/RUNBOOK\.md#([\w\-]+)", ann.get("runbook", ""))
                if not m:
                    problems.append(f"{name}: runbook is not a link to ops/RUNBOOK.md#anchor")
                elif m.group(1) not in anchors:
                    problems.append(f"{name}: ops/RUNBOOK.md has no heading for #{m.group(1)}")
                if not rule.get("labels", {}).get("severity"):
                    problems.append(f"{name}: no severity label")
    problems_exit(problems, f"{alerts} alerts and {records} recording rules in {len(RULE_FILES)} files, "
                            "every alert with summary, description, severity and a runbook section")


def panels_of(dashboard):
    """Every panel with queries, rows' collapsed panels included."""
    for panel in dashboard.get("panels", []):
        yield panel
        for inner in panel.get("panels", []):
            yield inner


def dashboards(_):
    problems, uids, count = [], set(), 0
    for path in DASHBOARDS:
        name = os.path.basename(path)
        try:
            dash = json.load(open(path, encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{name}: not JSON: {e}")
            continue
        if dash.get("uid") in uids:
            problems.append(f"{name}: uid {dash.get('uid')} used twice")
        uids.add(dash.get("uid"))
        for key in ("title", "uid", "panels", "schemaVersion"):
            if key not in dash:
                problems.append(f"{name}: no {key}")
        if dash.get("id") is not None:
            problems.append(f"{name}: id must be null in a provisioned dashboard")
        ids = set()
        for panel in panels_of(dash):
            if panel.get("type") in ("row", "text"):
                continue
            title = panel.get("title", "?")
            if panel.get("id") in ids:
                problems.append(f"{name}: panel id {panel.get('id')} used twice")
            ids.add(panel.get("id"))
            if panel.get("datasource", {}).get("uid") != "prometheus":
                problems.append(f"{name} / {title}: datasource is not the provisioned uid 'prometheus'")
            exprs = [t.get("expr") for t in panel.get("targets", [])]
            if not exprs or not all(exprs):
                problems.append(f"{name} / {title}: a panel without a query")
            count += len(exprs)
    problems_exit(problems, f"{len(DASHBOARDS)} dashboards, {count} panel queries, well-formed")


def test_config(args):
    """The loopback config with faster scrapes and a ServiceDown that fires after 15 s."""
    out = os.path.abspath(args.out)
    os.makedirs(os.path.join(out, "rules"), exist_ok=True)
    config = yaml.safe_load(open(os.path.join(OPS, "prometheus", "prometheus.local.yml")))
    config["global"].update({"scrape_interval": "5s", "evaluation_interval": "5s", "scrape_timeout": "3s"})
    config["rule_files"] = [os.path.join(out, "rules", "*.yml")]
    for job in config["scrape_configs"]:
        if job["job_name"] == "prometheus":
            job["static_configs"] = [{"targets": [f"127.0.0.1:{args.port}"]}]
    yaml.safe_dump(config, open(os.path.join(out, "prometheus.yml"), "w"), sort_keys=False)
    for path in RULE_FILES:
        doc = yaml.safe_load(open(path))
        for group in doc["groups"]:
            for rule in group["rules"]:
                if rule.get("alert") == "ServiceDown":
                    rule["for"] = "15s"
        yaml.safe_dump(doc, open(os.path.join(out, "rules", os.path.basename(path)), "w"), sort_keys=False,
                       allow_unicode=True)
    print(f"{out}/prometheus.yml: 5 s scrapes, rules copied with ServiceDown for: 15s")


# ---- HTTP ---------------------------------------------------------------------------------------

def http(method, url, body=None, headers=None, timeout=15):
    data = None
    headers = dict(headers or {})
    if body is not None:
        data = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def service(name):
    return f"http://127.0.0.1:{SERVICES[name]}"


def traffic(args):
    """Enough of everything that each meter on a dashboard moves, over about a minute."""
    auth = {"Authorization": f"Bearer {args.token}"}
    seed = json.load(open(os.path.join(ROOT, "local-platform", "src", "main", "resources", "demo",
                                       "seed-article.json"), encoding="utf-8"))
    counts = {}

    def note(what, status):
        key = f"{what} {status}"
        counts[key] = counts.get(key, 0) + 1
        return status

    ids = []
    for round_ in range(6):
        for i in range(5):
            article = dict(seed)
            article.pop("id", None)
            article.pop("slug", None)
            token = uuid.uuid4().hex[:10]
            article["headline"] = f"{seed.get('headline', 'শিরোনাম')} {token}"
            status, body = http("POST", service("ingest-service") + "/api/v1/articles", article, auth)
            if note("ingest", status) == 202:
                ids.append(json.loads(body)["id"])
        note("ingest (bad)", http("POST", service("ingest-service") + "/api/v1/articles", {"headline": ""}, auth)[0])
        note("latest", http("GET", service("article-service") + "/api/v1/articles/latest?limit=20")[0])
        for article_id in ids[-5:]:
            note("article", http("GET", service("article-service") + f"/api/v1/articles/{article_id}")[0])
        note("article (unknown)", http("GET", service("article-service") + f"/api/v1/articles/{uuid.uuid4()}")[0])
        for q in ("রাশিয়া", "বাংলাদেশ", "ops-check", "ক্রিকেট"):
            note("search", http("GET", service("search-service") + "/api/v1/search?q=" + urllib.parse.quote(q))[0])
        note("search (bad)", http("GET", service("search-service") + "/api/v1/search")[0])
        for n, article_id in enumerate(ids[-5:]):
            for visitor in range(3):
                note("view", http("POST", service("ranking-service") + "/api/v1/views",
                                  {"articleId": article_id, "visitorId": f"ops-{round_}-{n}-{visitor}"})[0])
        note("view (bot)", http("POST", service("ranking-service") + "/api/v1/views",
                                {"articleId": ids[-1] if ids else "x", "visitorId": "crawler"},
                                {"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"})[0])
        note("popular", http("GET", service("ranking-service") + "/api/v1/popular?limit=20")[0])
        time.sleep(8)
    for key in sorted(counts):
        print(f"{counts[key]:4d} × {key}")
    if not ids:
        print("no article was accepted by ingest-service")
        sys.exit(1)


def prom(path, **params):
    url = os.environ["PROM_URL"] + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
    status, body = http("GET", url)
    doc = json.loads(body)
    if doc.get("status") != "success":
        raise RuntimeError(f"{path} {params}: {doc.get('errorType')}: {doc.get('error')}")
    return doc["data"]


def targets(_):
    deadline = time.time() + 60
    while True:
        active = prom("/api/v1/targets")["activeTargets"]
        down = [f"{t['labels']['job']} {t['scrapeUrl']}: {t['health']} {t.get('lastError', '')}"
                for t in active if t["health"] != "up"]
        jobs = {t["labels"]["job"] for t in active}
        if not down and set(SERVICES) <= jobs:
            for t in sorted(active, key=lambda t: t["labels"]["job"]):
                print(f"{t['labels']['job']:16s} {t['scrapeUrl']}  up")
            return
        if time.time() > deadline:
            print("\n".join(down) or f"jobs missing: {set(SERVICES) - jobs}")
            sys.exit(1)
        time.sleep(2)


def variable_values(var, known):
    """A dashboard variable's values as Grafana would offer them; earlier variables may be used."""
    if var.get("type") in ("constant", "custom"):
        return [v.strip() for v in str(var.get("query", "")).split(",") if v.strip()]
    query = var.get("query")
    query = query.get("query") if isinstance(query, dict) else query
    m = re.fullmatch(r"\s*label_values\((?:(.+),\s*)?(\w+)\)\s*", query or "")
    if not m:
        raise RuntimeError(f"variable {var['name']}: only label_values(…) is supported here: {query}")
    selector, label = m.group(1), m.group(2)
    params = {"match[]": substitute(selector, known)} if selector else {}
    return prom(f"/api/v1/label/{label}/values", **params)


def substitute(expr, values):
    def one(m):
        name = m.group(1) or m.group(2) or m.group(3)
        if name in BUILTINS:
            return BUILTINS[name]
        if name in values:
            vals = values[name]
            # like Grafana: regex characters escaped, backslashes doubled for the PromQL string
            escaped = [re.sub(r"([.+*?^$()\[\]{}|\\])", r"\\\\\1", v) for v in vals]
            return escaped[0] if len(escaped) == 1 else "(" + "|".join(escaped) + ")"
        raise RuntimeError(f"unknown variable ${name}")
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\[\[(\w+)\]\]|\$(\w+)", one, expr)


def queries(_):
    problems, count = [], 0
    for path in DASHBOARDS:
        dash = json.load(open(path, encoding="utf-8"))
        values = {}
        for var in dash.get("templating", {}).get("list", []):
            if var.get("type") == "datasource":
                continue
            vals = variable_values(var, values)
            if not vals:
                problems.append(f"{os.path.basename(path)}: variable ${var['name']} has no values")
                vals = ["no-value"]
            values[var["name"]] = vals
        for panel in panels_of(dash):
            for target in panel.get("targets", []):
                if not target.get("expr"):
                    continue
                count += 1
                where = f"{os.path.basename(path)} / {panel.get('title')} [{target.get('refId')}]"
                try:
                    expr = substitute(target["expr"], values)
                    result = prom("/api/v1/query", query=expr)["result"]
                except RuntimeError as e:
                    problems.append(f"{where}: {e}")
                    continue
                if not result:
                    problems.append(f"{where}: no data: {expr}")
    problems_exit(problems, f"{count} panel queries in {len(DASHBOARDS)} dashboards, each returned data")


def recordings(_):
    problems, count = [], 0
    for path in RULE_FILES:
        for group in yaml.safe_load(open(path))["groups"]:
            for rule in group["rules"]:
                if "record" not in rule:
                    continue
                count += 1
                if not prom("/api/v1/query", query=rule["record"])["result"]:
                    problems.append(f"{rule['record']}: no data")
    problems_exit(problems, f"{count} recording rules, each returned data")


# Meters the alerts already use that the services do not expose yet (ops/README.md, "Meters")
AWAITED = set()  # every metric the rules and dashboards name is exposed now


def metrics(_):
    """Every metric an alert or a panel names exists in Prometheus, or is one of the awaited meters."""
    names = set()
    exprs = [r["expr"] for path in RULE_FILES for g in yaml.safe_load(open(path))["groups"] for r in g["rules"]]
    for path in DASHBOARDS:
        exprs += [t.get("expr", "") for p in panels_of(json.load(open(path, encoding="utf-8")))
                  for t in p.get("targets", [])]
    for expr in exprs:
        names |= {n for n in re.findall(r"([a-zA-Z_][a-zA-Z0-9_:]*)\s*[{\[]", expr) if ":" not in n}
    # ALERTS is Prometheus' own series, there only while an alert is pending or firing
    known = set(prom("/api/v1/label/__name__/values")) | {"ALERTS"}
    missing = sorted(names - known - AWAITED)
    awaited = sorted(AWAITED - known)
    if awaited:
        print(f"awaited, not exposed yet (their alerts stay inactive): {', '.join(awaited)}")
    problems_exit([f"no such metric in Prometheus: {n}" for n in missing],
                  f"{len(names)} metric names in rules and dashboards; all exposed by the services"
                  + (" but the awaited ones" if awaited else ""))


def alert(args):
    """Polls /api/v1/alerts: pending then firing, or (--resolved) no longer there."""
    seen, t0 = [], time.time()
    deadline = t0 + 120
    while time.time() < deadline:
        states = [a["state"] for a in prom("/api/v1/alerts")["alerts"]
                  if a["labels"].get("alertname") == args.name and a["labels"].get("job") == args.job]
        state = states[0] if states else "inactive"
        if not seen or seen[-1][0] != state:
            seen.append((state, round(time.time() - t0)))
            print(f"{seen[-1][1]:4d} s  {args.name}{{job=\"{args.job}\"}} {state}")
        if args.resolved and state == "inactive":
            return
        if not args.resolved and state == "firing":
            if "pending" not in [s for s, _ in seen]:
                print("(firing without a pending state seen first)")
            rules_api = prom("/api/v1/rules", type="alert")
            for group in rules_api["groups"]:
                for rule in group["rules"]:
                    for a in rule.get("alerts", []):
                        if rule["name"] == args.name and a["labels"].get("job") == args.job:
                            print(f"summary: {a['annotations'].get('summary')}")
                            print(f"runbook: {a['annotations'].get('runbook')}")
            return
        time.sleep(2)
    print(f"not {'resolved' if args.resolved else 'firing'} within 120 s")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["rules", "dashboards", "test-config", "traffic", "targets", "queries",
                                            "recordings", "metrics", "alert"])
    parser.add_argument("--port", type=int)
    parser.add_argument("--out")
    parser.add_argument("--token")
    parser.add_argument("--name")
    parser.add_argument("--job")
    parser.add_argument("--resolved", action="store_true")
    args = parser.parse_args()
    globals()[args.command.replace("-", "_")](args)


if __name__ == "__main__":
    main()
