#pragma once

// Where the `nginx` capability finds nginx on this machine (config keys
// nginx_*, options --nginx-*; docs/agent.md). The defaults are Debian's
// package layout. Every path is absolute: the agent never resolves one
// against its own working directory.

#include <QString>

namespace hm::agent {

struct NginxSettings
{
    QString binary = QStringLiteral("/usr/sbin/nginx");
    QString conf = QStringLiteral("/etc/nginx/nginx.conf"); // the main config file
    QString sitesAvailable = QStringLiteral("/etc/nginx/sites-available");
    QString sitesEnabled = QStringLiteral("/etc/nginx/sites-enabled");
    // Empty: the config's `pid` directive, else /run/nginx.pid.
    QString pidFile;
    // Empty: nginx's compiled-in prefix; otherwise passed as -p.
    QString prefix;
    // Where generated self-signed certificates go (<domain>.crt/.key).
    QString sslDir = QStringLiteral("/etc/nginx/ssl");
    // openssl, for certificate information and self-signed certificates.
    QString openssl = QStringLiteral("/usr/bin/openssl");
};

} // namespace hm::agent
