"""What a container's server listens on and how it answers, for probes: ports, and HTTP status by path.

A server is a small JSON-ready dict: {"name", "ports", "http"} plus what its kind needs ("root" for static
files, "status" for a fixed answer). `http` is one of:
  * "static"   files under "root" (nginx, httpd, python -m http.server, busybox httpd): 200 for a file, the
               index of a directory or 403/200 for a directory without one (as each server does), else 404;
  * "any"      200 for every path (echo servers, hello-app, and images flashgen does not know);
  * "liveness" the Kubernetes docs' liveness server: /healthz answers 200 for 10 s, then 500;
  * "httpbin"  /status/N answers N, /delay/N waits N seconds, known paths 200, others 404;
  * "fixed"    always "status" (goproxy answers 500 to requests that are not proxied);
  * None       the port speaks something other than HTTP (redis, mysql ...): an HTTP probe gets no answer.
Images flashgen does not know listen on the ports their container declares and answer 200 to every path.
"""

from __future__ import annotations

import re
from typing import Any

from . import images

Server = dict[str, Any]

# Official images: (ports, http kind, static root)
IMAGE_SERVERS: dict[str, tuple[tuple[int, ...], str | None, str]] = {
    "nginx": ((80,), "static", "/usr/share/nginx/html"),
    "httpd": ((80,), "static", "/usr/local/apache2/htdocs"),
    "caddy": ((80,), "static", "/usr/share/caddy"),
    "redis": ((6379,), None, ""), "mysql": ((3306, 33060), None, ""), "mariadb": ((3306,), None, ""),
    "percona": ((3306,), None, ""), "postgres": ((5432,), None, ""), "mongo": ((27017,), None, ""),
    "memcached": ((11211,), None, ""), "rabbitmq": ((5672,), None, ""), "cassandra": ((9042,), None, ""),
    "zookeeper": ((2181,), None, ""), "eclipse-mosquitto": ((1883,), None, ""), "nats": ((4222, 8222), None, ""),
    "tomcat": ((8080,), "static", "/usr/local/tomcat/webapps/ROOT"), "jetty": ((8080,), "any", ""),
    "tomee": ((8080,), "any", ""), "jenkins": ((8080, 50000), "any", ""), "traefik": ((80, 8080), "any", ""),
    "registry": ((5000,), "any", ""), "wordpress": ((80,), "any", ""), "ghost": ((2368,), "any", ""),
    "elasticsearch": ((9200, 9300), "any", ""), "kibana": ((5601,), "any", ""), "consul": ((8500,), "any", ""),
    "vault": ((8200,), "any", ""), "influxdb": ((8086,), "any", ""), "couchdb": ((5984,), "any", ""),
    "neo4j": ((7474, 7687), "any", ""), "solr": ((8983,), "any", ""), "sonarqube": ((9000,), "any", ""),
    "nextcloud": ((80,), "any", ""), "drupal": ((80,), "any", ""), "joomla": ((80,), "any", ""),
    "phpmyadmin": ((80,), "any", ""), "adminer": ((8080,), "any", ""), "mongo-express": ((8081,), "any", ""),
    "redmine": ((3000,), "any", ""), "odoo": ((8069,), "any", ""), "arangodb": ((8529,), "any", ""),
    "couchbase": ((8091,), "any", ""), "varnish": ((80,), "any", ""), "kong": ((8000, 8001), "any", ""),
    "flink": ((8081,), "any", ""), "matomo": ((80,), "any", ""), "mediawiki": ((80,), "any", ""),
    "clickhouse": ((8123, 9000), "any", ""), "rethinkdb": ((8080, 28015), "any", ""),
    "docker": ((2375, 2376), "any", ""), "pause": ((), None, ""),
}
# Images outside the official library, by repository path (without registry host for Docker Hub)
EXTRA_SERVERS: dict[str, tuple[tuple[int, ...], str | None, str]] = {
    "echoserver": ((8080,), "any", ""), "hello-app": ((8080,), "any", ""), "nginxdemos/hello": ((80,), "any", ""),
    "kennethreitz/httpbin": ((80,), "httpbin", ""), "goproxy": ((8080,), "fixed", ""), "pause": ((), None, ""),
    "liveness": ((8080,), "liveness", ""),
    # what a kind cluster runs in kube-system and local-path-storage
    "etcd": ((2379, 2380, 2381), "any", ""), "kube-apiserver": ((6443,), "any", ""),
    "kube-controller-manager": ((10257,), "any", ""), "kube-scheduler": ((10259,), "any", ""),
    "kube-proxy": ((10249, 10256), "any", ""), "coredns": ((53, 8080, 8181, 9153), "any", ""),
    "kindnetd": ((), None, ""), "local-path-provisioner": ((), None, ""),
}
# Paths the static servers' images ship with (path, text)
IMAGE_FILES: dict[str, tuple[tuple[str, str], ...]] = {
    "nginx": (("/usr/share/nginx/html/index.html",
               "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n"
               "<h1>Welcome to nginx!</h1>\n</body>\n</html>\n"),
              ("/usr/share/nginx/html/50x.html", "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n"
               "</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n"),
              ("/etc/nginx/nginx.conf", "user  nginx;\nworker_processes  auto;\n"),
              ("/etc/nginx/conf.d/default.conf", "server {\n    listen       80;\n    server_name  localhost;\n"
               "    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n"
               "    }\n}\n")),
    "httpd": (("/usr/local/apache2/htdocs/index.html", "<html><body><h1>It works!</h1></body></html>\n"),),
    "caddy": (("/usr/share/caddy/index.html", "<!DOCTYPE html>\n<html>\n<title>Caddy works!</title>\n</html>\n"),),
}
HTTPBIN_PATHS = {"/", "/get", "/headers", "/ip", "/user-agent", "/uuid", "/anything", "/json", "/html", "/robots.txt",
                 "/status/200"}


def _make(name: str, spec: tuple[tuple[int, ...], str | None, str]) -> Server:
    ports, http, root = spec
    out: Server = {"name": name, "ports": list(ports), "http": http}
    if root:
        out["root"] = root
    if http == "fixed":
        out["status"] = 500
    return out


def image_name(image: images.Image) -> str:
    """`nginx` for an official image, else the repository path without the registry."""
    return image.short.rsplit("/", 1)[-1] if image.repo.startswith("library/") else image.short


def for_image(image: images.Image, args: list[str] | None = None) -> Server:
    """The server an image's own entrypoint runs (with these args)."""
    name = image_name(image)
    if image.repo.startswith("library/") and name in IMAGE_SERVERS:
        return _make(name, IMAGE_SERVERS[name])
    last = image.short.rsplit("/", 1)[-1]
    if last == "agnhost":
        return _agnhost(list(args or []))
    for key, spec in EXTRA_SERVERS.items():
        if image.short == key or image.short.endswith("/" + key) or last == key:
            return _make(key, spec)
    return {"name": name, "ports": [], "http": "any", "declared": True}


def _agnhost(args: list[str]) -> Server:
    """The Kubernetes e2e test image: its first argument names the program."""
    sub = args[0] if args else ""
    port = _flag_port(args, ("--http-port", "--port"))
    if sub == "liveness":
        return {"name": "agnhost liveness", "ports": [8080], "http": "liveness"}
    if sub == "netexec":
        return {"name": "agnhost netexec", "ports": [port or 8080, 8081], "http": "any"}
    if sub == "serve-hostname":
        return {"name": "agnhost serve-hostname", "ports": [port or 9376], "http": "any"}
    if sub == "test-webserver":
        return {"name": "agnhost test-webserver", "ports": [port or 80], "http": "any"}
    return {"name": "agnhost " + sub, "ports": [port] if port else [], "http": "any"}


def _flag_port(args: list[str], flags: tuple[str, ...], short: str | None = None) -> int | None:
    for i, a in enumerate(args):
        for f in flags + ((short,) if short else ()):
            if a == f and i + 1 < len(args) and args[i + 1].lstrip(":").isdigit():
                return int(args[i + 1].lstrip(":"))
            if a.startswith(f + "=") and a.split("=", 1)[1].isdigit():
                return int(a.split("=", 1)[1])
    return None


def for_command(argv: list[str], image: images.Image, cwd: str = "/") -> Server | None:
    """The server a command line runs in the foreground, or None when it is not one flashgen knows."""
    if not argv:
        return None
    prog = argv[0].rsplit("/", 1)[-1]
    args = argv[1:]
    joined = " ".join(argv)
    if prog in ("nginx", "openresty"):
        return _make("nginx", IMAGE_SERVERS["nginx"])
    if prog in ("httpd", "apache2", "httpd-foreground", "apache2-foreground", "apachectl"):
        if image.short.rsplit("/", 1)[-1] in ("busybox", "alpine") or "-f" in args:
            port = _flag_port(args, ("-p",)) or 80
            root = next((args[i + 1] for i, a in enumerate(args) if a == "-h" and i + 1 < len(args)), cwd)
            return {"name": "busybox httpd", "ports": [port], "http": "static", "root": root, "listing": False}
        return _make("httpd", IMAGE_SERVERS["httpd"])
    if prog.startswith("python") and "http.server" in args:
        i = args.index("http.server")
        port = next((int(a) for a in args[i + 1:] if a.isdigit()), 8000)
        root = next((args[j + 1] for j, a in enumerate(args) if a in ("-d", "--directory") and j + 1 < len(args)),
                    cwd)
        return {"name": "python http.server", "ports": [port], "http": "static", "root": root, "listing": True}
    if prog == "busybox" and args[:1] == ["httpd"]:
        return for_command(args, images.parse("busybox"), cwd)
    simple = {"redis-server": ("redis", 6379), "mysqld": ("mysql", 3306), "postgres": ("postgres", 5432),
              "mongod": ("mongo", 27017), "memcached": ("memcached", 11211)}
    if prog in simple:
        name, port = simple[prog]
        return {"name": name, "ports": [_flag_port(args, ("--port", "-p")) or port], "http": None}
    if prog in ("nc", "netcat", "ncat") and any(a.startswith("-l") or a == "--listen" for a in args):
        port = _flag_port(args, ("-p",)) or next((int(a) for a in args if a.isdigit()), None)
        return {"name": prog, "ports": [port] if port else [], "http": None}
    if prog == "socat":
        m = re.search(r"TCP[46]?-LISTEN:(\d+)", joined, re.I)
        return {"name": "socat", "ports": [int(m.group(1))] if m else [], "http": None}
    if prog in ("http-server", "serve"):
        return {"name": prog, "ports": [_flag_port(args, ("-p", "--port")) or 8080], "http": "any"}
    if prog in ("flask",):
        return {"name": "flask", "ports": [_flag_port(args, ("--port", "-p")) or 5000], "http": "any"}
    if prog in ("gunicorn", "uvicorn"):
        bind = next((args[i + 1] for i, a in enumerate(args) if a in ("-b", "--bind") and i + 1 < len(args)), "")
        port = int(bind.rsplit(":", 1)[1]) if ":" in bind and bind.rsplit(":", 1)[1].isdigit() else None
        return {"name": prog, "ports": [port or _flag_port(args, ("--port",)) or 8000], "http": "any"}
    if prog == "agnhost":
        return _agnhost(args)
    if prog in ("server", "liveness") and (image.short.endswith("liveness") or "liveness" in image.short):
        return _make("liveness", EXTRA_SERVERS["liveness"])
    return None


def listens_on(server: Server, port: int, declared: list[int]) -> bool:
    """Whether the server accepts connections on a port (unknown images: the ports the container declares)."""
    if server.get("declared"):
        return port in declared
    return port in server.get("ports", [])


def change_offsets(server: Server) -> list[float]:
    """Seconds after the server started at which its answers change."""
    return [10.0] if server.get("http") == "liveness" else []


def answer(server: Server, path: str, elapsed: float, fs: Any) -> tuple[int | None, float]:
    """(HTTP status, or None when the port does not speak HTTP; seconds before the answer) for GET path,
    `elapsed` seconds after the server started, with the container's files `fs` (a ContainerFS)."""
    kind = server.get("http")
    path = path.split("?", 1)[0] or "/"
    if kind is None:
        return None, 0.0
    if kind == "any":
        return 200, 0.0
    if kind == "fixed":
        return int(server.get("status", 500)), 0.0
    if kind == "liveness":
        if path == "/healthz":
            return (200 if elapsed <= 10 else 500), 0.0
        return 404, 0.0
    if kind == "httpbin":
        m = re.fullmatch(r"/status/(\d{3})", path)
        if m:
            return int(m.group(1)), 0.0
        m = re.fullmatch(r"/delay/(\d+)", path)
        if m:
            return 200, float(min(int(m.group(1)), 10))
        return (200 if path in HTTPBIN_PATHS else 404), 0.0
    root = server.get("root", "/").rstrip("/") or ""
    target = root + (path if path.startswith("/") else "/" + path)
    if fs.is_file(target):
        return 200, 0.0
    if fs.is_dir(target):
        for index in ("index.html", "index.htm"):
            if fs.is_file(target.rstrip("/") + "/" + index):
                return 200, 0.0
        if server.get("listing", server.get("name") == "httpd"):
            return 200, 0.0
        return (403 if server.get("name") == "nginx" else 404), 0.0
    return 404, 0.0
