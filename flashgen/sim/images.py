"""Which container images exist and what their default process does.

The rule for pulls, so a learner can predict it:
  * a name that is not a valid image reference (e.g. upper case) gives InvalidImageName;
  * the registry must be a public one (Docker Hub, registry.k8s.io, gcr.io, quay.io, ghcr.io, mcr.microsoft.com,
    public.ecr.aws, *.pkg.dev, ...); any other host fails with "no such host";
  * an official Docker Hub image (no slash, e.g. `nginx`) must be one this module knows; a misspelt one (`ngnix`)
    fails with "repository does not exist"; images under a user or organisation (`bitnami/redis`) are assumed to exist;
  * the tag must be `latest`, start with a digit or `v<digit>`, or be built from well-known words (alpine, slim,
    stable, bookworm, ...) or commit hashes joined by `-`; anything else (`nginx:doesnotexist`) fails with
    "not found".
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

_REF = re.compile(
    r"^(?:(?P<host>(?:[a-zA-Z0-9-]+\.)+[a-zA-Z0-9-]+(?::\d+)?|localhost(?::\d+)?|[a-zA-Z0-9-]+:\d+)/)?"
    r"(?P<repo>[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
    r"(?::(?P<tag>[\w][\w.-]{0,127}))?(?:@(?P<digest>sha256:[a-f0-9]{64}))?$")

PUBLIC_REGISTRIES = ("docker.io", "index.docker.io", "registry-1.docker.io", "registry.k8s.io", "k8s.gcr.io",
                     "gcr.io", "quay.io", "ghcr.io", "mcr.microsoft.com", "public.ecr.aws", "registry.gitlab.com",
                     "nvcr.io", "docker.elastic.co")

# Official images whose default process is a long-running server.
SERVERS = {
    "nginx", "httpd", "redis", "mysql", "mariadb", "postgres", "mongo", "memcached", "rabbitmq", "tomcat",
    "jenkins", "traefik", "haproxy", "caddy", "registry", "wordpress", "ghost", "elasticsearch", "kibana",
    "consul", "vault", "nats", "cassandra", "zookeeper", "influxdb", "couchdb", "neo4j", "solr", "sonarqube",
    "nextcloud", "drupal", "joomla", "phpmyadmin", "adminer", "mongo-express", "redmine", "odoo", "telegraf",
    "eclipse-mosquitto", "percona", "rethinkdb", "arangodb", "couchbase", "varnish", "kong", "jetty", "tomee",
    "flink", "storm", "matomo", "mediawiki", "postfixadmin", "yourls", "teamspeak", "znc", "rocket.chat",
    "emqx", "api-firewall", "unit", "swarm", "docker", "clickhouse", "pause",
}
# Official images whose default process is a shell, REPL or one-shot tool: without a TTY it exits 0 at once.
ONE_SHOT = {
    "busybox", "alpine", "ubuntu", "debian", "centos", "fedora", "rockylinux", "almalinux", "amazonlinux",
    "oraclelinux", "archlinux", "photon", "clearlinux", "mageia", "sl", "python", "node", "golang", "ruby",
    "perl", "php", "openjdk", "eclipse-temurin", "amazoncorretto", "ibmjava", "sapmachine", "bash", "gcc",
    "rust", "erlang", "elixir", "julia", "r-base", "swift", "haskell", "clojure", "groovy", "maven", "gradle",
    "buildpack-deps", "pypy", "hylang", "dart", "bonita", "mono", "neurodebian", "crux", "irssi", "hello-world",
    "composer", "haxe", "nimlang", "rakudo-star", "backdrop", "bats", "gazebo", "ros", "satosa",
}
# Images outside the official library with a known default behaviour.
KNOWN_EXTRA_ONE_SHOT = ("curlimages/curl", "radial/busyboxplus", "library/busybox", "registry.k8s.io/busybox",
                        "k8s.gcr.io/busybox", "gcr.io/google-containers/busybox", "registry.k8s.io/e2e-test-images/busybox",
                        "quay.io/quay/busybox")
TAG_WORDS = {
    "latest", "stable", "mainline", "alpine", "slim", "bookworm", "bullseye", "buster", "stretch", "jessie",
    "trixie", "jammy", "focal", "bionic", "xenial", "noble", "lts", "edge", "musl", "glibc", "uclibc", "perl",
    "otel", "jdk", "jre", "openjdk", "temurin", "corretto", "fpm", "apache", "cli", "zts", "management",
    "windowsservercore", "nanoserver", "centos", "ubi", "oraclelinux", "jessie", "rc", "beta", "alpha",
    "onbuild", "debian", "ubuntu", "bash", "git", "dind", "rootless", "community", "enterprise", "oss", "full",
    "minimal", "server", "master", "main", "nightly", "dev", "test", "canary", "scratch", "distroless",
    "nonroot", "root", "focal", "stream", "stream8", "stream9", "amd64", "arm64", "linux",
}


@dataclass(frozen=True)
class Image:
    """A parsed image reference and what pulling it would do."""

    ref: str
    host: str
    repo: str  # e.g. library/nginx or bitnami/redis
    tag: str
    error_reason: str = ""  # "" when the pull succeeds, else InvalidImageName or ErrImagePull
    error_message: str = ""

    @property
    def short(self) -> str:
        """`nginx` for docker.io/library/nginx, else the path without host."""
        return self.repo.removeprefix("library/")

    @property
    def full(self) -> str:
        """`docker.io/library/nginx:1.25`."""
        return f"{self.host}/{self.repo}:{self.tag}"

    @property
    def default_kind(self) -> str:
        """`server` or `one-shot`: what the image's default process does."""
        name = self.short.rsplit("/", 1)[-1]
        path = f"{self.host}/{self.repo}" if self.host != "docker.io" else self.repo.removeprefix("library/")
        if path in KNOWN_EXTRA_ONE_SHOT or self.short in KNOWN_EXTRA_ONE_SHOT:
            return "one-shot"
        if self.repo.startswith("library/"):
            return "one-shot" if name in ONE_SHOT else "server"
        return "server"


def _tag_ok(tag: str) -> bool:
    if tag.startswith("sha256:"):
        return True
    for part in re.split(r"[-_]", tag.lower()):
        if not part:
            continue
        if part[0].isdigit() or (part[0] == "v" and part[1:2].isdigit()):
            continue
        word = re.sub(r"[\d.]+$", "", part)
        if word in TAG_WORDS:
            continue
        if re.fullmatch(r"[0-9a-f]{7,40}", part) and any(ch.isdigit() for ch in part):
            continue  # a commit hash, as in kind's own images (kindnetd:v20250512-df8de77b)
        return False
    return True


def parse(ref: str) -> Image:
    """Parse an image reference and decide whether it can be pulled (see the module rule)."""
    m = _REF.match(ref or "")
    if not m:
        return Image(ref, "", ref, "", "InvalidImageName",
                     f'Failed to apply default image tag "{ref}": couldn\'t parse image name "{ref}": '
                     "invalid reference format")
    host = m.group("host") or "docker.io"
    repo = m.group("repo")
    tag = m.group("tag") or ("" if m.group("digest") else "latest")
    if host in ("docker.io", "index.docker.io", "registry-1.docker.io"):
        host = "docker.io"
        if "/" not in repo:
            repo = "library/" + repo
    img = Image(ref, host, repo, tag or m.group("digest"))
    full = img.full
    public = host in PUBLIC_REGISTRIES or host.endswith(".gcr.io") or host.endswith(".pkg.dev") \
        or host.endswith(".amazonaws.com")
    if not public:
        hostname = host.split(":")[0]
        return Image(ref, host, repo, img.tag, "ErrImagePull",
                     f'failed to pull and unpack image "{full}": failed to resolve reference "{full}": '
                     f'failed to do request: Head "https://{host}/v2/{repo}/manifests/{img.tag}": '
                     f"dial tcp: lookup {hostname}: no such host")
    if repo.startswith("library/") and repo[8:] not in SERVERS | ONE_SHOT:
        return Image(ref, host, repo, img.tag, "ErrImagePull",
                     f'failed to pull and unpack image "{full}": failed to resolve reference "{full}": '
                     "pull access denied, repository does not exist or may require authorization: "
                     "server message: insufficient_scope: authorization failed")
    if tag and not _tag_ok(tag):
        return Image(ref, host, repo, img.tag, "ErrImagePull",
                     f'failed to pull and unpack image "{full}": failed to resolve reference "{full}": '
                     f"{full}: not found")
    return img


def default_pull_policy(ref: str) -> str:
    """Always for `:latest` or untagged images, else IfNotPresent (digests too)."""
    m = _REF.match(ref or "")
    if m and m.group("digest"):
        return "IfNotPresent"
    tag = m.group("tag") if m else None
    return "Always" if tag in (None, "latest") else "IfNotPresent"


# Compressed linux/amd64 sizes of the current tags of common images, in MB, as a pull reports them.
_SIZES_MB = {
    "nginx": 72, "httpd": 58, "redis": 45, "memcached": 31, "mysql": 165, "mariadb": 120, "postgres": 158,
    "mongo": 262, "rabbitmq": 95, "tomcat": 180, "traefik": 50, "haproxy": 40, "caddy": 20, "registry": 10,
    "wordpress": 250, "elasticsearch": 640, "kibana": 420, "consul": 70, "vault": 150, "busybox": 2.2,
    "alpine": 3.6, "ubuntu": 29.7, "debian": 49, "centos": 76, "fedora": 62, "rockylinux": 70, "amazonlinux": 63,
    "python": 375, "node": 400, "golang": 290, "ruby": 370, "openjdk": 330, "eclipse-temurin": 180, "php": 175,
    "perl": 330, "bash": 6, "hello-world": 0.01, "pause": 0.32, "echoserver": 46, "hello-app": 10, "curl": 8,
    "httpbin": 160, "hello": 9,
}


def pull_size(img: Image) -> int:
    """The bytes a pull of `img` reports: the image's usual compressed size (an alpine or slim variant is
    smaller), a plausible tens of MB for images not listed, and a little variation by tag, so that different
    versions differ as they do."""
    name = img.short.rsplit("/", 1)[-1]
    size = _SIZES_MB.get(name, 20 + int(hashlib.sha256(img.repo.encode()).hexdigest()[:4], 16) % 60) * 1_000_000
    words = set(re.split(r"[-_.]", img.tag.lower()))
    if "alpine" in words and name != "alpine":
        size = min(size, max(size // 4, 8_000_000))
    elif "slim" in words:
        size = min(size // 3, 50_000_000)
    jitter = int(hashlib.sha256(img.full.encode()).hexdigest()[:6], 16) % 6001 - 3000  # about ±3 %
    return int(size * (1 + jitter / 100_000)) + int(hashlib.sha256(img.full.encode()).hexdigest()[6:10], 16)
