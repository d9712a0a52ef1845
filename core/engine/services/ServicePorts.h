#pragma once

// The ports of a "service" node (seed 003 §15): one input per parameter of
// the endpoint its config names, `body` when the endpoint takes one, and
// the outputs status, headers and body. docs/component-protocol.md
// ("Built-in service") describes them.

#include "common/Result.h"
#include "engine/services/ServiceResolver.h"
#include "flow/ComponentInterface.h"

#include <QJsonObject>
#include <QStringList>

namespace hm::engine {

inline constexpr char kServiceComponent[] = "service";
inline constexpr char kServiceVersion[] = "1.0.0";

// The component's catalogue entry: config {"serviceId", "endpointId"} (both
// required strings), no declared inputs (so any input is accepted until the
// node's endpoint is known) and the outputs status (integer), headers
// (object) and body (any).
flow::ComponentInterface serviceInterface();

// The input port that carries each of spec.parameters, in order: the
// parameter's name, or "<in>.<name>" when two parameters share a name or a
// parameter is called "body" while the endpoint takes a body.
QStringList serviceInputPortNames(const ServiceEndpointSpec &spec);

// serviceInterface() with one input per parameter (its JSON Schema type,
// its required flag; a cookie parameter too) and, when spec.hasBody, an
// optional `body` input of type any.
flow::ComponentInterface serviceEndpointInterface(const ServiceEndpointSpec &spec);

// The ports of one service node: its config's endpoint through
// `resolver`. Without a serviceId and endpointId string it answers
// serviceInterface() (the config schema reports those); the resolver's
// errors (SERVICE_NOT_FOUND, ENDPOINT_NOT_FOUND) come back as they are.
Result<flow::ComponentInterface> serviceNodeInterface(const ServiceResolver &resolver,
                                                      const QJsonObject &config);

} // namespace hm::engine
