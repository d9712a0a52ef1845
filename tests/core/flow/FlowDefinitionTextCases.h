#pragma once

// Definition texts for TestFlowDefinitionText (see the .cpp for why they
// live apart).

#include <QByteArray>
#include <utility>
#include <vector>

namespace hm::flow::fixtures {

// (row name, definition text): corner cases of JSON and of the shape.
std::vector<std::pair<const char *, QByteArray>> definitionTextCases();

// A stored definition to mutate, and the bytes mutations insert.
QByteArray mutationBase();
QByteArray mutationAlphabet();

} // namespace hm::flow::fixtures
