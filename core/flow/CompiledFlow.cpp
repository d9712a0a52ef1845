#include "flow/CompiledFlow.h"

#include <algorithm>

namespace hm::flow {

bool CompiledFlow::isAncestor(int ancestor, int node) const
{
    const int n = nodeCount();
    if (ancestor < 0 || node < 0 || ancestor >= n || node >= n || ancestor == node)
        return false;
    // Cheap answers first, before AncestorSearch allocates its scratch space.
    if (m_topoPos[static_cast<size_t>(ancestor)] >= m_topoPos[static_cast<size_t>(node)])
        return false;
    const std::span<const int> parents = dependencies(node);
    if (std::binary_search(parents.begin(), parents.end(), ancestor))
        return true;
    auto parentsOf = [this](int i) { return dependencies(i); };
    AncestorSearch<decltype(parentsOf)> search(n, parentsOf, &m_topoPos);
    return search.isAncestor(ancestor, node);
}

} // namespace hm::flow
