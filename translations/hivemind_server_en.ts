<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AlertMail</name>
    <message>
        <source>CPU usage</source>
        <translation>CPU usage</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>Memory usage</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>Disk usage</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>Network traffic</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>Load (1 min)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Probe down</source>
        <translation>Probe down</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>Certificate expiry</translation>
    </message>
    <message>
        <source>[HiveMind] Still firing: %1 on %2</source>
        <translation>[HiveMind] Still firing: %1 on %2</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is still firing.</source>
        <translation>The alert &quot;%1&quot; on %2 is still firing.</translation>
    </message>
    <message>
        <source>[HiveMind] Alert: %1 on %2</source>
        <translation>[HiveMind] Alert: %1 on %2</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; fired on %2.</source>
        <translation>The alert &quot;%1&quot; fired on %2.</translation>
    </message>
    <message>
        <source>[HiveMind] Resolved: %1 on %2</source>
        <translation>[HiveMind] Resolved: %1 on %2</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is resolved.</source>
        <translation>The alert &quot;%1&quot; on %2 is resolved.</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>Type: %1</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>Value: %1</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>Threshold: %1</translation>
    </message>
    <message>
        <source>Fired at: %1</source>
        <translation>Fired at: %1</translation>
    </message>
    <message>
        <source>Resolved at: %1</source>
        <translation>Resolved at: %1</translation>
    </message>
    <message>
        <source>Alert %1, delivery %2.</source>
        <translation>Alert %1, delivery %2.</translation>
    </message>
    <message>
        <source>[HiveMind] Test of the alert channel &quot;%1&quot;</source>
        <translation>[HiveMind] Test of the alert channel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>This is a test message of the HiveMind alert channel &quot;%1&quot;. Alerts that fire and resolve will be sent to this address.</source>
        <translation>This is a test message of the HiveMind alert channel &quot;%1&quot;. Alerts that fire and resolve will be sent to this address.</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Delivery: %1</translation>
    </message>
    <message>
        <source>Container down</source>
        <translation>Container down</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>Container unhealthy</translation>
    </message>
    <message>
        <source>Containers: %1</source>
        <translation>Containers: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 and %2 more</translation>
    </message>
</context>
<context>
    <name>PublicStatusPage</name>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Availability (24 hours)</source>
        <translation>Availability (24 hours)</translation>
    </message>
    <message>
        <source>Availability (30 days)</source>
        <translation>Availability (30 days)</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>%1 of %2 nodes online</source>
        <translation>%1 of %2 nodes online</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>No nodes are shown here yet.</source>
        <translation>No nodes are shown here yet.</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
</context>
</TS>
