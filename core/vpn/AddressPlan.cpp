#include "vpn/AddressPlan.h"

#include "vpn/VpnLogging.h"

#include <QJsonObject>

namespace hm::vpn {

QString addressProblemName(AddressProblem problem)
{
    switch (problem) {
    case AddressProblem::InvalidAddress:
        return QStringLiteral("invalid_address");
    case AddressProblem::FamilyNotConfigured:
        return QStringLiteral("family_not_configured");
    case AddressProblem::OutsideSubnet:
        return QStringLiteral("outside_subnet");
    case AddressProblem::NetworkAddress:
        return QStringLiteral("network_address");
    case AddressProblem::BroadcastAddress:
        return QStringLiteral("broadcast_address");
    case AddressProblem::ServerAddress:
        return QStringLiteral("server_address");
    case AddressProblem::AlreadyTaken:
        return QStringLiteral("address_taken");
    case AddressProblem::SubnetFull:
        return QStringLiteral("subnet_full");
    }
    return QStringLiteral("invalid_address");
}

namespace {

constexpr Ip128 kPlanOne = Ip128::fromU64(1);

Error planError(AddressProblem problem, const QString &message, const IpAddress &address,
                const std::optional<VpnSubnet> &subnet)
{
    const bool conflict =
        problem == AddressProblem::AlreadyTaken || problem == AddressProblem::SubnetFull;
    QJsonObject details{{QStringLiteral("reason"), addressProblemName(problem)}};
    if (!address.isNull())
        details.insert(QStringLiteral("address"), address.toString());
    if (subnet)
        details.insert(QStringLiteral("subnet"), subnet->prefix.toString());
    return Error{conflict ? ErrorCode::Conflict : ErrorCode::ValidationError, message, details};
}

Error setupError(const QString &reason, const QString &message)
{
    return Error{ErrorCode::ValidationError, message,
                 QJsonObject{{QStringLiteral("reason"), reason}}};
}

IpAddress addressOf(AddressFamily family, Ip128 value)
{
    return family == AddressFamily::Ipv4 ? IpAddress::ipv4(quint32(value.lo))
                                         : IpAddress::ipv6(value);
}

} // namespace

Status AddressPlan::setUp(FamilyPlan &plan, const VpnSubnet &subnet, AddressFamily family)
{
    const QString familyName = addressFamilyName(family);
    if (subnet.prefix.isNull() || subnet.prefix.family() != family || subnet.server.isNull() ||
        subnet.server.family() != family)
        return setupError(
            QStringLiteral("wrong_family"),
            QStringLiteral("the %1 subnet and server address must both be %1").arg(familyName));
    if (!subnet.prefix.contains(subnet.server))
        return setupError(QStringLiteral("server_outside_subnet"),
                          QStringLiteral("server address %1 is outside %2")
                              .arg(subnet.server.toString(), subnet.prefix.toString()));
    // Subnets of one or two addresses have no network or broadcast address.
    plan.reserveEnds = subnet.prefix.bitWidth() - subnet.prefix.length() >= 2;
    plan.first = subnet.prefix.network().value();
    plan.last = subnet.prefix.lastAddress().value();
    if (plan.reserveEnds) {
        if (subnet.server.value() == plan.first ||
            (family == AddressFamily::Ipv4 && subnet.server.value() == plan.last))
            return setupError(QStringLiteral("server_reserved_address"),
                              QStringLiteral("server address %1 is the %2 address of %3")
                                  .arg(subnet.server.toString(),
                                       subnet.server.value() == plan.first
                                           ? QStringLiteral("network")
                                           : QStringLiteral("broadcast"),
                                       subnet.prefix.toString()));
        plan.first = plan.first + kPlanOne;
        // IPv6 has no broadcast: the last address of the subnet is usable.
        if (family == AddressFamily::Ipv4)
            plan.last = plan.last - kPlanOne;
    }
    plan.subnet = subnet;
    return {};
}

Result<AddressPlan> AddressPlan::create(std::optional<VpnSubnet> ipv4,
                                        std::optional<VpnSubnet> ipv6)
{
    if (!ipv4 && !ipv6)
        return setupError(QStringLiteral("no_subnet"),
                          QStringLiteral("a VPN server needs an IPv4 or an IPv6 subnet"));
    AddressPlan plan;
    if (ipv4) {
        if (Status status = setUp(plan.m_v4, *ipv4, AddressFamily::Ipv4); !status)
            return status.error();
    }
    if (ipv6) {
        if (Status status = setUp(plan.m_v6, *ipv6, AddressFamily::Ipv6); !status)
            return status.error();
    }
    qCDebug(lcVpn) << "address plan" << (ipv4 ? ipv4->prefix.toString() : QString())
                   << (ipv6 ? ipv6->prefix.toString() : QString());
    return plan;
}

AddressFamily AddressPlan::family() const
{
    if (m_v4.subnet && m_v6.subnet)
        return AddressFamily::Dual;
    return m_v4.subnet ? AddressFamily::Ipv4 : AddressFamily::Ipv6;
}

const AddressPlan::FamilyPlan *AddressPlan::planFor(const IpAddress &address) const
{
    return address.isIpv4() ? &m_v4 : &m_v6;
}

AddressPlan::FamilyPlan *AddressPlan::planFor(AddressFamily family)
{
    return family == AddressFamily::Ipv4 ? &m_v4 : &m_v6;
}

const AddressPlan::FamilyPlan *AddressPlan::planFor(AddressFamily family) const
{
    return family == AddressFamily::Ipv4 ? &m_v4 : &m_v6;
}

Status AddressPlan::checkClientAddress(const IpAddress &address) const
{
    if (address.isNull())
        return planError(AddressProblem::InvalidAddress, QStringLiteral("no address given"),
                         address, std::nullopt);
    const FamilyPlan &plan = *planFor(address);
    if (!plan.subnet)
        return planError(AddressProblem::FamilyNotConfigured,
                         QStringLiteral("this VPN server has no %1 subnet for %2")
                             .arg(addressFamilyName(address.family()), address.toString()),
                         address, std::nullopt);
    const IpPrefix &prefix = plan.subnet->prefix;
    if (!prefix.contains(address))
        return planError(AddressProblem::OutsideSubnet,
                         QStringLiteral("%1 is outside the subnet %2")
                             .arg(address.toString(), prefix.toString()),
                         address, plan.subnet);
    if (plan.reserveEnds && address == prefix.network())
        return planError(AddressProblem::NetworkAddress,
                         QStringLiteral("%1 is the network address of %2")
                             .arg(address.toString(), prefix.toString()),
                         address, plan.subnet);
    if (plan.reserveEnds && address.isIpv4() && address == prefix.lastAddress())
        return planError(AddressProblem::BroadcastAddress,
                         QStringLiteral("%1 is the broadcast address of %2")
                             .arg(address.toString(), prefix.toString()),
                         address, plan.subnet);
    if (address == plan.subnet->server)
        return planError(
            AddressProblem::ServerAddress,
            QStringLiteral("%1 is the VPN server's own address").arg(address.toString()), address,
            plan.subnet);
    if (plan.taken.contains(address.value()))
        return planError(
            AddressProblem::AlreadyTaken,
            QStringLiteral("%1 is already used by another client").arg(address.toString()), address,
            plan.subnet);
    return {};
}

Result<IpAddress> AddressPlan::nextFreeClientAddress(AddressFamily family) const
{
    if (family == AddressFamily::Dual)
        return Error{ErrorCode::ValidationError,
                     QStringLiteral("one address family at a time: ipv4 or ipv6"),
                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("dual_family")}}};
    const FamilyPlan &plan = *planFor(family);
    if (!plan.subnet)
        return planError(
            AddressProblem::FamilyNotConfigured,
            QStringLiteral("this VPN server has no %1 subnet").arg(addressFamilyName(family)), {},
            std::nullopt);
    Ip128 from = plan.first;
    // The server's address is the only hole inside [first, last] that is not
    // in the taken set: at most two searches.
    for (;;) {
        const std::optional<Ip128> free = plan.taken.lowestAbsent(from, plan.last);
        if (!free)
            break;
        if (*free != plan.subnet->server.value())
            return addressOf(family, *free);
        if (*free == plan.last)
            break;
        from = *free + kPlanOne;
    }
    return planError(AddressProblem::SubnetFull,
                     QStringLiteral("subnet %1 is full").arg(plan.subnet->prefix.toString()), {},
                     plan.subnet);
}

Result<ClientAddresses> AddressPlan::nextFreeClientAddresses(AddressFamily family) const
{
    ClientAddresses addresses;
    for (const AddressFamily one : {AddressFamily::Ipv4, AddressFamily::Ipv6}) {
        if (family != AddressFamily::Dual && family != one)
            continue;
        auto address = nextFreeClientAddress(one);
        if (!address)
            return address.error();
        (one == AddressFamily::Ipv4 ? addresses.ipv4 : addresses.ipv6) = *address;
    }
    return addresses;
}

Status AddressPlan::take(const IpAddress &address)
{
    if (Status status = checkClientAddress(address); !status)
        return status;
    planFor(address.family())->taken.insert(address.value());
    return {};
}

Result<IpAddress> AddressPlan::takeNextFree(AddressFamily family)
{
    auto address = nextFreeClientAddress(family);
    if (address)
        planFor(family)->taken.insert(address->value());
    return address;
}

bool AddressPlan::release(const IpAddress &address)
{
    if (address.isNull())
        return false;
    return planFor(address.family())->taken.remove(address.value());
}

bool AddressPlan::isTaken(const IpAddress &address) const
{
    return !address.isNull() && planFor(address)->taken.contains(address.value());
}

quint64 AddressPlan::takenCount(AddressFamily family) const
{
    if (family == AddressFamily::Dual)
        return m_v4.taken.size() + m_v6.taken.size();
    return planFor(family)->taken.size();
}

} // namespace hm::vpn
