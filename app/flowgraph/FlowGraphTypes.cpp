#include "flowgraph/FlowGraphTypes.h"

namespace hm::app {

// The rules follow what resolveInputs accepts at run time
// (flow::valueMatchesPortType), restricted to what is certain before a run:
// - `any` on either side: an `any` input takes everything, and an `any`
//   output is only known when it runs, where resolveInputs checks it.
// - the same type.
// - integer → number: every integer is a number.
// - string → bytes: bytes take base64 text.
// Refused, although a single value might pass at run time:
// - number → integer: a number is not always whole.
// - bytes → string: bytes may arrive as a blob reference, an object.
// Everything else (object, array, boolean into another type) never matches.
bool portTypeFeeds(flow::PortType from, flow::PortType to)
{
    using flow::PortType;
    if (from == PortType::Any || to == PortType::Any || from == to)
        return true;
    if (from == PortType::Integer && to == PortType::Number)
        return true;
    if (from == PortType::String && to == PortType::Bytes)
        return true;
    return false;
}

} // namespace hm::app
