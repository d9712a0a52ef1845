#pragma once

// The `nginx` capability's actions (issue 38 item 7; docs/agent-protocol.md
// "nginx"), over the nginx this agent's config names (NginxSettings):
//   status          {}                          → {running, pid, version, config_ok,
//                                                  config_test, conf, binary}
//   start / stop / restart / reload {}          → {running, pid} (reload: {reloaded})
//   config_get      {}                          → {path, content, size, sha256, modified}
//   config_update   {content, expected_sha256?} → {size, sha256, tested, reloaded}
//   sites_list      {}                          → {sites: [{name, enabled, server_name,
//                                                  listen, size, modified}], truncated}
//   site_get        {name}                      → {name, enabled, content, …}
//   site_create     {name, content, enable?}    → {name, enabled, size, sha256, …}
//   site_update     {name, content, expected_sha256?}
//   site_delete     {name}
//   site_enable / site_disable {name}           → {name, enabled, changed, reloaded}
//   ssl_info        {domain}                    → the certificate a site names for it
//   ssl_generate    {domain, days?, overwrite?} → a self-signed one in nginx_ssl_dir
// Every change is written beside the old files, checked with `nginx -t`
// and, when nginx runs, reloaded; a refusal (or a failed reload) puts the
// previous files back byte for byte and answers VALIDATION_ERROR with
// details.code NGINX_CONFIG_INVALID and nginx's own words (bounded): the
// running nginx keeps serving the old config. Changes run one at a time,
// in order. nginx and openssl run from argument lists through QProcess,
// asynchronously; the files read and written are small (≤ 512 KiB) and
// read directly.

#include "agent/NginxSettings.h"

namespace hm::agent {

class RemoteDispatcher;

void addNginxHandlers(RemoteDispatcher &dispatcher, const NginxSettings &settings);

} // namespace hm::agent
