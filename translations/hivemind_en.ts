<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionText</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>AdminText</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Read and write</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Only administrators may create keys with administration access.</source>
        <translation>Only administrators may create keys with administration access.</translation>
    </message>
    <message>
        <source>The server refused this: your role (%1) may not do it. Ask an administrator.</source>
        <translation>The server refused this: your role (%1) may not do it. Ask an administrator.</translation>
    </message>
    <message>
        <source>The server refused this: your role may not do it. Ask an administrator.</source>
        <translation>The server refused this: your role may not do it. Ask an administrator.</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>You are not signed in to this server, or your session has ended.</translation>
    </message>
    <message>
        <source>The password is wrong.</source>
        <translation>The password is wrong.</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy.</source>
        <translation>The new password does not meet the server&apos;s password policy.</translation>
    </message>
    <message>
        <source>The new password does not meet the server&apos;s password policy: %1</source>
        <translation>The new password does not meet the server&apos;s password policy: %1</translation>
    </message>
    <message>
        <source>This e-mail address is already registered.</source>
        <translation>This e-mail address is already registered.</translation>
    </message>
    <message>
        <source>This username or e-mail address is already taken.</source>
        <translation>This username or e-mail address is already taken.</translation>
    </message>
    <message>
        <source>It no longer exists on the server.</source>
        <translation>It no longer exists on the server.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Too many attempts. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>The server cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>The code is wrong or has expired. Enter the code your authenticator app shows now.</source>
        <translation>The code is wrong or has expired. Enter the code your authenticator app shows now.</translation>
    </message>
    <message>
        <source>This would leave the server without an active administrator.</source>
        <translation>This would leave the server without an active administrator.</translation>
    </message>
    <message>
        <source>The server refused the value of &quot;%1&quot;: %2</source>
        <translation>The server refused the value of &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>The server refused the request: %1</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>at least %n character</numerusform>
            <numerusform>at least %n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>at most 256 characters</source>
        <translation>at most 256 characters</translation>
    </message>
    <message>
        <source>an upper-case letter</source>
        <translation>an upper-case letter</translation>
    </message>
    <message>
        <source>a lower-case letter</source>
        <translation>a lower-case letter</translation>
    </message>
    <message>
        <source>a digit</source>
        <translation>a digit</translation>
    </message>
    <message>
        <source>a symbol such as ! or #</source>
        <translation>a symbol such as ! or #</translation>
    </message>
    <message>
        <source>Only administrators may do this; you are signed in as %1.</source>
        <translation>Only administrators may do this; you are signed in as %1.</translation>
    </message>
    <message>
        <source>Viewers may only look; you are signed in as %1.</source>
        <translation>Viewers may only look; you are signed in as %1.</translation>
    </message>
</context>
<context>
    <name>AlertText</name>
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
        <source>Load (1 min)</source>
        <translation>Load (1 min)</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>Network traffic</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>over %1</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>at once</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>One node</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Label: %1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>All nodes</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Firing</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>by itself</source>
        <translation>by itself</translation>
    </message>
    <message>
        <source>a deleted user</source>
        <translation>a deleted user</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
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
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>under %1</source>
        <translation>under %1</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 down</translation>
    </message>
    <message>
        <source>%1: certificate under %2</source>
        <translation>%1: certificate under %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every %n day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Every %1</translation>
    </message>
    <message>
        <source>Container down</source>
        <translation>Container down</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>Container unhealthy</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s)</source>
        <translation>
            <numerusform>%n container</numerusform>
            <numerusform>%n containers</numerusform>
        </translation>
    </message>
    <message>
        <source>not running</source>
        <translation>not running</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>unhealthy</translation>
    </message>
    <message>
        <source>any container</source>
        <translation>any container</translation>
    </message>
    <message>
        <source>%1 not running</source>
        <translation>%1 not running</translation>
    </message>
    <message>
        <source>%1 unhealthy</source>
        <translation>%1 unhealthy</translation>
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
    <name>AuditActions</name>
    <message>
        <source>Node created</source>
        <translation>Node created</translation>
    </message>
    <message>
        <source>Node updated</source>
        <translation>Node updated</translation>
    </message>
    <message>
        <source>Node deleted</source>
        <translation>Node deleted</translation>
    </message>
    <message>
        <source>Agent enrolled</source>
        <translation>Agent enrolled</translation>
    </message>
    <message>
        <source>New enrolment secret issued</source>
        <translation>New enrolment secret issued</translation>
    </message>
    <message>
        <source>Agent settings changed</source>
        <translation>Agent settings changed</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Signed out everywhere</source>
        <translation>Signed out everywhere</translation>
    </message>
    <message>
        <source>Account locked</source>
        <translation>Account locked</translation>
    </message>
    <message>
        <source>Refresh token reused</source>
        <translation>Refresh token reused</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Password check failed</source>
        <translation>Password check failed</translation>
    </message>
    <message>
        <source>Two-factor sign-in on</source>
        <translation>Two-factor sign-in on</translation>
    </message>
    <message>
        <source>Two-factor sign-in off</source>
        <translation>Two-factor sign-in off</translation>
    </message>
    <message>
        <source>Two-factor code rejected</source>
        <translation>Two-factor code rejected</translation>
    </message>
    <message>
        <source>Recovery code used</source>
        <translation>Recovery code used</translation>
    </message>
    <message>
        <source>Recovery codes regenerated</source>
        <translation>Recovery codes regenerated</translation>
    </message>
    <message>
        <source>Session revoked</source>
        <translation>Session revoked</translation>
    </message>
    <message>
        <source>All sessions revoked</source>
        <translation>All sessions revoked</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API key created</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API key revoked</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>User created</translation>
    </message>
    <message>
        <source>User registered</source>
        <translation>User registered</translation>
    </message>
    <message>
        <source>User updated</source>
        <translation>User updated</translation>
    </message>
    <message>
        <source>User deleted</source>
        <translation>User deleted</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Role changed</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>Account unlocked</translation>
    </message>
    <message>
        <source>Flow created</source>
        <translation>Flow created</translation>
    </message>
    <message>
        <source>Flow updated</source>
        <translation>Flow updated</translation>
    </message>
    <message>
        <source>Flow version saved</source>
        <translation>Flow version saved</translation>
    </message>
    <message>
        <source>Flow published</source>
        <translation>Flow published</translation>
    </message>
    <message>
        <source>Flow deleted</source>
        <translation>Flow deleted</translation>
    </message>
    <message>
        <source>Flow shared</source>
        <translation>Flow shared</translation>
    </message>
    <message>
        <source>Flow share changed</source>
        <translation>Flow share changed</translation>
    </message>
    <message>
        <source>Flow share removed</source>
        <translation>Flow share removed</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>Webhook created</translation>
    </message>
    <message>
        <source>Webhook token renewed</source>
        <translation>Webhook token renewed</translation>
    </message>
    <message>
        <source>Webhook removed</source>
        <translation>Webhook removed</translation>
    </message>
    <message>
        <source>Credential created</source>
        <translation>Credential created</translation>
    </message>
    <message>
        <source>Credential updated</source>
        <translation>Credential updated</translation>
    </message>
    <message>
        <source>Credential deleted</source>
        <translation>Credential deleted</translation>
    </message>
    <message>
        <source>Credential tested</source>
        <translation>Credential tested</translation>
    </message>
    <message>
        <source>Credential keys rotated</source>
        <translation>Credential keys rotated</translation>
    </message>
    <message>
        <source>Service added</source>
        <translation>Service added</translation>
    </message>
    <message>
        <source>Service updated</source>
        <translation>Service updated</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>Service deleted</translation>
    </message>
    <message>
        <source>Service tested</source>
        <translation>Service tested</translation>
    </message>
    <message>
        <source>Service schema refreshed</source>
        <translation>Service schema refreshed</translation>
    </message>
    <message>
        <source>Service endpoint added</source>
        <translation>Service endpoint added</translation>
    </message>
    <message>
        <source>Service endpoint deleted</source>
        <translation>Service endpoint deleted</translation>
    </message>
    <message>
        <source>Component registered</source>
        <translation>Component registered</translation>
    </message>
    <message>
        <source>Component updated</source>
        <translation>Component updated</translation>
    </message>
    <message>
        <source>Component deprecated</source>
        <translation>Component deprecated</translation>
    </message>
    <message>
        <source>Component active again</source>
        <translation>Component active again</translation>
    </message>
    <message>
        <source>Component deleted</source>
        <translation>Component deleted</translation>
    </message>
    <message>
        <source>Sign-in settings changed</source>
        <translation>Sign-in settings changed</translation>
    </message>
    <message>
        <source>System configuration changed</source>
        <translation>System configuration changed</translation>
    </message>
    <message>
        <source>Sign-in and account security</source>
        <translation>Sign-in and account security</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>User administration</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>System settings</source>
        <translation>System settings</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Alert rule created</source>
        <translation>Alert rule created</translation>
    </message>
    <message>
        <source>Alert rule changed</source>
        <translation>Alert rule changed</translation>
    </message>
    <message>
        <source>Alert rule deleted</source>
        <translation>Alert rule deleted</translation>
    </message>
    <message>
        <source>Alert resolved by hand</source>
        <translation>Alert resolved by hand</translation>
    </message>
    <message>
        <source>Alert channel created</source>
        <translation>Alert channel created</translation>
    </message>
    <message>
        <source>Alert channel changed</source>
        <translation>Alert channel changed</translation>
    </message>
    <message>
        <source>Alert channel deleted</source>
        <translation>Alert channel deleted</translation>
    </message>
    <message>
        <source>Alert channel tested</source>
        <translation>Alert channel tested</translation>
    </message>
    <message>
        <source>Maintenance window created</source>
        <translation>Maintenance window created</translation>
    </message>
    <message>
        <source>Maintenance window ended</source>
        <translation>Maintenance window ended</translation>
    </message>
    <message>
        <source>Public status page changed</source>
        <translation>Public status page changed</translation>
    </message>
    <message>
        <source>Probe created</source>
        <translation>Probe created</translation>
    </message>
    <message>
        <source>Probe changed</source>
        <translation>Probe changed</translation>
    </message>
    <message>
        <source>Probe deleted</source>
        <translation>Probe deleted</translation>
    </message>
    <message>
        <source>WireGuard server created</source>
        <translation>WireGuard server created</translation>
    </message>
    <message>
        <source>WireGuard server changed</source>
        <translation>WireGuard server changed</translation>
    </message>
    <message>
        <source>WireGuard server deleted</source>
        <translation>WireGuard server deleted</translation>
    </message>
    <message>
        <source>WireGuard server started</source>
        <translation>WireGuard server started</translation>
    </message>
    <message>
        <source>WireGuard server failed to start</source>
        <translation>WireGuard server failed to start</translation>
    </message>
    <message>
        <source>WireGuard server stopped</source>
        <translation>WireGuard server stopped</translation>
    </message>
    <message>
        <source>WireGuard client created</source>
        <translation>WireGuard client created</translation>
    </message>
    <message>
        <source>WireGuard client changed</source>
        <translation>WireGuard client changed</translation>
    </message>
    <message>
        <source>WireGuard client deleted</source>
        <translation>WireGuard client deleted</translation>
    </message>
    <message>
        <source>WireGuard client config downloaded</source>
        <translation>WireGuard client config downloaded</translation>
    </message>
    <message>
        <source>IPv6 pool created</source>
        <translation>IPv6 pool created</translation>
    </message>
    <message>
        <source>IPv6 pool changed</source>
        <translation>IPv6 pool changed</translation>
    </message>
    <message>
        <source>IPv6 pool deleted</source>
        <translation>IPv6 pool deleted</translation>
    </message>
    <message>
        <source>IPv6 prefix delegated</source>
        <translation>IPv6 prefix delegated</translation>
    </message>
    <message>
        <source>IPv6 prefix released</source>
        <translation>IPv6 prefix released</translation>
    </message>
    <message>
        <source>BGP session created</source>
        <translation>BGP session created</translation>
    </message>
    <message>
        <source>BGP session changed</source>
        <translation>BGP session changed</translation>
    </message>
    <message>
        <source>BGP session deleted</source>
        <translation>BGP session deleted</translation>
    </message>
    <message>
        <source>BGP session started</source>
        <translation>BGP session started</translation>
    </message>
    <message>
        <source>BGP session stopped</source>
        <translation>BGP session stopped</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard server imported</source>
        <translation>WireGuard server imported</translation>
    </message>
    <message>
        <source>WireGuard client share link created</source>
        <translation>WireGuard client share link created</translation>
    </message>
    <message>
        <source>WireGuard client share link opened</source>
        <translation>WireGuard client share link opened</translation>
    </message>
    <message>
        <source>WireGuard client share links revoked</source>
        <translation>WireGuard client share links revoked</translation>
    </message>
    <message>
        <source>WireGuard change confirmed</source>
        <translation>WireGuard change confirmed</translation>
    </message>
    <message>
        <source>WireGuard change rolled back (not confirmed in time)</source>
        <translation>WireGuard change rolled back (not confirmed in time)</translation>
    </message>
    <message>
        <source>IPv6 prefix expired and released</source>
        <translation>IPv6 prefix expired and released</translation>
    </message>
    <message>
        <source>BGP prefix announced</source>
        <translation>BGP prefix announced</translation>
    </message>
    <message>
        <source>BGP prefix withdrawn</source>
        <translation>BGP prefix withdrawn</translation>
    </message>
    <message>
        <source>Identity confirmed again</source>
        <translation>Identity confirmed again</translation>
    </message>
    <message>
        <source>Node file read</source>
        <translation>Node file read</translation>
    </message>
    <message>
        <source>Node file saved</source>
        <translation>Node file saved</translation>
    </message>
    <message>
        <source>Node file uploaded</source>
        <translation>Node file uploaded</translation>
    </message>
    <message>
        <source>Node directory created</source>
        <translation>Node directory created</translation>
    </message>
    <message>
        <source>Node file renamed</source>
        <translation>Node file renamed</translation>
    </message>
    <message>
        <source>Node file deleted</source>
        <translation>Node file deleted</translation>
    </message>
    <message>
        <source>Node process signalled</source>
        <translation>Node process signalled</translation>
    </message>
    <message>
        <source>Node terminal opened</source>
        <translation>Node terminal opened</translation>
    </message>
    <message>
        <source>Node terminal closed</source>
        <translation>Node terminal closed</translation>
    </message>
    <message>
        <source>Node grant added</source>
        <translation>Node grant added</translation>
    </message>
    <message>
        <source>Node grant removed</source>
        <translation>Node grant removed</translation>
    </message>
    <message>
        <source>Node file upload started</source>
        <translation>Node file upload started</translation>
    </message>
    <message>
        <source>Node file upload aborted</source>
        <translation>Node file upload aborted</translation>
    </message>
    <message>
        <source>Node task run</source>
        <translation>Node task run</translation>
    </message>
    <message>
        <source>Container started</source>
        <translation>Container started</translation>
    </message>
    <message>
        <source>Container stopped</source>
        <translation>Container stopped</translation>
    </message>
    <message>
        <source>Container restarted</source>
        <translation>Container restarted</translation>
    </message>
    <message>
        <source>Container removed</source>
        <translation>Container removed</translation>
    </message>
    <message>
        <source>Compose project started</source>
        <translation>Compose project started</translation>
    </message>
    <message>
        <source>Compose project stopped</source>
        <translation>Compose project stopped</translation>
    </message>
    <message>
        <source>Nginx started</source>
        <translation>Nginx started</translation>
    </message>
    <message>
        <source>Nginx stopped</source>
        <translation>Nginx stopped</translation>
    </message>
    <message>
        <source>Nginx restarted</source>
        <translation>Nginx restarted</translation>
    </message>
    <message>
        <source>Nginx reloaded</source>
        <translation>Nginx reloaded</translation>
    </message>
    <message>
        <source>Nginx configuration saved</source>
        <translation>Nginx configuration saved</translation>
    </message>
    <message>
        <source>Nginx site created</source>
        <translation>Nginx site created</translation>
    </message>
    <message>
        <source>Nginx site saved</source>
        <translation>Nginx site saved</translation>
    </message>
    <message>
        <source>Nginx site deleted</source>
        <translation>Nginx site deleted</translation>
    </message>
    <message>
        <source>Nginx site enabled</source>
        <translation>Nginx site enabled</translation>
    </message>
    <message>
        <source>Nginx site disabled</source>
        <translation>Nginx site disabled</translation>
    </message>
    <message>
        <source>Self-signed certificate created</source>
        <translation>Self-signed certificate created</translation>
    </message>
    <message>
        <source>Node agent restarted</source>
        <translation>Node agent restarted</translation>
    </message>
    <message>
        <source>Node rebooted</source>
        <translation>Node rebooted</translation>
    </message>
    <message>
        <source>Node agent upgraded</source>
        <translation>Node agent upgraded</translation>
    </message>
    <message>
        <source>Node agent upgrade failed</source>
        <translation>Node agent upgrade failed</translation>
    </message>
    <message>
        <source>Agent release uploaded</source>
        <translation>Agent release uploaded</translation>
    </message>
    <message>
        <source>Password reset e-mail requested</source>
        <translation>Password reset e-mail requested</translation>
    </message>
    <message>
        <source>Verification e-mail sent</source>
        <translation>Verification e-mail sent</translation>
    </message>
    <message>
        <source>E-mail address verified</source>
        <translation>E-mail address verified</translation>
    </message>
    <message>
        <source>E-mail language changed</source>
        <translation>E-mail language changed</translation>
    </message>
    <message>
        <source>Mail settings changed</source>
        <translation>Mail settings changed</translation>
    </message>
    <message>
        <source>Test e-mail sent</source>
        <translation>Test e-mail sent</translation>
    </message>
    <message>
        <source>Backup created</source>
        <translation>Backup created</translation>
    </message>
    <message>
        <source>Backup deleted</source>
        <translation>Backup deleted</translation>
    </message>
    <message>
        <source>Backup downloaded</source>
        <translation>Backup downloaded</translation>
    </message>
    <message>
        <source>Backup uploaded</source>
        <translation>Backup uploaded</translation>
    </message>
    <message>
        <source>Backup restore scheduled</source>
        <translation>Backup restore scheduled</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <source>Built-in agent release registered</source>
        <translation>Built-in agent release registered</translation>
    </message>
    <message>
        <source>Flow history retention changed</source>
        <translation>Flow history retention changed</translation>
    </message>
    <message>
        <source>History retention applied</source>
        <translation>History retention applied</translation>
    </message>
    <message>
        <source>Flow triggered</source>
        <translation>Flow triggered</translation>
    </message>
    <message>
        <source>Container log followed</source>
        <translation>Container log followed</translation>
    </message>
    <message>
        <source>Container log follow ended</source>
        <translation>Container log follow ended</translation>
    </message>
</context>
<context>
    <name>AuditDetailText</name>
    <message>
        <source>Access level</source>
        <translation>Access level</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>Agent version</translation>
    </message>
    <message>
        <source>Applied at</source>
        <translation>Applied at</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architecture</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes in</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes out</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Duration (s)</source>
        <translation>Duration (s)</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Exit code</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Invited email</source>
        <translation>Invited email</translation>
    </message>
    <message>
        <source>Key revoked</source>
        <translation>Key revoked</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Locked addresses</source>
        <translation>Locked addresses</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Operating system</translation>
    </message>
    <message>
        <source>Password change required</source>
        <translation>Password change required</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permission</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Previous permission</source>
        <translation>Previous permission</translation>
    </message>
    <message>
        <source>Previous version</source>
        <translation>Previous version</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Recovery codes left</source>
        <translation>Recovery codes left</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>Remember me</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Requested at</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Files root</source>
        <translation>Files root</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Show addresses</source>
        <translation>Show addresses</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Signal</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Two-factor authentication</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Working directory</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a detail&apos;s title and its value</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>AuditResourceText</name>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credential</translation>
    </message>
    <message>
        <source>Data encryption key</source>
        <translation>Data encryption key</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Node grant</source>
        <translation>Node grant</translation>
    </message>
    <message>
        <source>Agent release</source>
        <translation>Agent release</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>Alert rule</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Notification channel</source>
        <translation>Notification channel</translation>
    </message>
    <message>
        <source>Maintenance window</source>
        <translation>Maintenance window</translation>
    </message>
    <message>
        <source>WireGuard server</source>
        <translation>WireGuard server</translation>
    </message>
    <message>
        <source>WireGuard client</source>
        <translation>WireGuard client</translation>
    </message>
    <message>
        <source>IPv6 pool</source>
        <translation>IPv6 pool</translation>
    </message>
    <message>
        <source>IPv6 allocation</source>
        <translation>IPv6 allocation</translation>
    </message>
    <message>
        <source>BGP session</source>
        <translation>BGP session</translation>
    </message>
    <message>
        <source>BGP announcement</source>
        <translation>BGP announcement</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>a resource&apos;s kind and its name</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>BuiltinConfigText</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Written before the node&apos;s inputs in the execution&apos;s log.</source>
        <translation>Written before the node&apos;s inputs in the execution&apos;s log.</translation>
    </message>
    <message>
        <source>Delay (milliseconds)</source>
        <translation>Delay (milliseconds)</translation>
    </message>
    <message>
        <source>How long the node waits before it passes its inputs on; unset, its &quot;ms&quot; input says.</source>
        <translation>How long the node waits before it passes its inputs on; unset, its &quot;ms&quot; input says.</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Outputs</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Fail on an HTTP error</source>
        <translation>Fail on an HTTP error</translation>
    </message>
    <message>
        <source>An answer outside 2xx fails the node (retried for 5xx, 408 and 429) instead of passing its status on.</source>
        <translation>An answer outside 2xx fails the node (retried for 5xx, 408 and 429) instead of passing its status on.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>The program and its arguments, one per item, started without a shell.</source>
        <translation>The program and its arguments, one per item, started without a shell.</translation>
    </message>
    <message>
        <source>Run a script in a shell</source>
        <translation>Run a script in a shell</translation>
    </message>
    <message>
        <source>On: the Script below runs in the node&apos;s shell instead of a Command.</source>
        <translation>On: the Script below runs in the node&apos;s shell instead of a Command.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <source>Shell commands; only with &quot;Run a script in a shell&quot; on.</source>
        <translation>Shell commands; only with &quot;Run a script in a shell&quot; on.</translation>
    </message>
    <message>
        <source>Environment variables</source>
        <translation>Environment variables</translation>
    </message>
    <message>
        <source>Added to the command&apos;s environment: an object of names and text values.</source>
        <translation>Added to the command&apos;s environment: an object of names and text values.</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Working directory</translation>
    </message>
    <message>
        <source>Where the command starts on the node.</source>
        <translation>Where the command starts on the node.</translation>
    </message>
    <message>
        <source>Time limit (seconds)</source>
        <translation>Time limit (seconds)</translation>
    </message>
    <message>
        <source>The command is stopped when it runs longer.</source>
        <translation>The command is stopped when it runs longer.</translation>
    </message>
</context>
<context>
    <name>ByteSizeText</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>HiveMind console: design, run and watch workflows and your fleet.</source>
        <translation>HiveMind console: design, run and watch workflows and your fleet.</translation>
    </message>
    <message>
        <source>User interface language: %1.</source>
        <translation>User interface language: %1.</translation>
    </message>
    <message>
        <source>language</source>
        <translation>language</translation>
    </message>
    <message>
        <source>Directory of the local server&apos;s data (default: %1).</source>
        <translation>Directory of the local server&apos;s data (default: %1).</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>directory</translation>
    </message>
    <message>
        <source>Do not use the system keychain for the master key; use the key file.</source>
        <translation>Do not use the system keychain for the master key; use the key file.</translation>
    </message>
    <message>
        <source>Save a picture of the main window to this PNG file once the server has answered, then quit.</source>
        <translation>Save a picture of the main window to this PNG file once the server has answered, then quit.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Section to show at start: %1.</source>
        <translation>Section to show at start: %1.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>Unknown language &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unknown language &quot;%1&quot;; choose one of: %2.</translation>
    </message>
    <message>
        <source>Unknown section &quot;%1&quot;; choose one of: %2.</source>
        <translation>Unknown section &quot;%1&quot;; choose one of: %2.</translation>
    </message>
    <message>
        <source>No data directory; pass one with --data-dir.</source>
        <translation>No data directory; pass one with --data-dir.</translation>
    </message>
    <message>
        <source>Colours for this run: light, dark or system (not saved).</source>
        <translation>Colours for this run: light, dark or system (not saved).</translation>
    </message>
    <message>
        <source>theme</source>
        <translation>theme</translation>
    </message>
    <message>
        <source>Unknown theme &quot;%1&quot;; choose light, dark or system.</source>
        <translation>Unknown theme &quot;%1&quot;; choose light, dark or system.</translation>
    </message>
</context>
<context>
    <name>ComponentCatalogue</name>
    <message>
        <source>the endpoint %1 of the service %2 was removed from its OpenAPI document by a schema refresh; choose another endpoint</source>
        <translation>the endpoint %1 of the service %2 was removed from its OpenAPI document by a schema refresh; choose another endpoint</translation>
    </message>
    <message>
        <source>the endpoint %1 of the service %2 is disabled</source>
        <translation>the endpoint %1 of the service %2 is disabled</translation>
    </message>
    <message>
        <source>the service %1 has no endpoint %2</source>
        <translation>the service %1 has no endpoint %2</translation>
    </message>
    <message>
        <source>the external service %1 no longer exists</source>
        <translation>the external service %1 no longer exists</translation>
    </message>
    <message>
        <source>the external service %1 is not active; make it active to call it</source>
        <translation>the external service %1 is not active; make it active to call it</translation>
    </message>
</context>
<context>
    <name>ContainerStatusText</name>
    <message>
        <source>less than a second</source>
        <translation>less than a second</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>about a minute</translation>
    </message>
    <message>
        <source>about an hour</source>
        <translation>about an hour</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n week(s)</source>
        <translation>
            <numerusform>%n week</numerusform>
            <numerusform>%n weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message>
        <source>Up for %1</source>
        <translation>Up for %1</translation>
    </message>
    <message>
        <source>Exited with code %1, %2 ago</source>
        <translation>Exited with code %1, %2 ago</translation>
    </message>
    <message>
        <source>Restarting (exit code %1, %2 ago)</source>
        <translation>Restarting (exit code %1, %2 ago)</translation>
    </message>
    <message>
        <source>Exited</source>
        <translation>Exited</translation>
    </message>
</context>
<context>
    <name>CredentialText</name>
    <message>
        <source>HTTP Basic</source>
        <translation>HTTP Basic</translation>
    </message>
    <message>
        <source>HTTP Bearer token</source>
        <translation>HTTP Bearer token</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>OAuth 2.0 client</source>
        <translation>OAuth 2.0 client</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>SSH key</source>
        <translation>SSH key</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Shared</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Decrypt only</source>
        <translation>Decrypt only</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Re-encrypting</source>
        <translation>Re-encrypting</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>Workspace (everyone on this server)</source>
        <translation>Workspace (everyone on this server)</translation>
    </message>
    <message>
        <source>service</source>
        <translation>service</translation>
    </message>
    <message>
        <source>flow</source>
        <translation>flow</translation>
    </message>
    <message>
        <source>node</source>
        <translation>node</translation>
    </message>
</context>
<context>
    <name>FlowErrorText</name>
    <message>
        <source>Someone saved a newer version of this flow since you opened it.</source>
        <translation>Someone saved a newer version of this flow since you opened it.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>The server cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>The server did not answer in time.</source>
        <translation>The server did not answer in time.</translation>
    </message>
    <message>
        <source>The server is not available right now.</source>
        <translation>The server is not available right now.</translation>
    </message>
    <message>
        <source>Too many requests: the server asks to wait a moment before trying again.</source>
        <translation>Too many requests: the server asks to wait a moment before trying again.</translation>
    </message>
    <message>
        <source>You are not signed in to the server, or your session has ended.</source>
        <translation>You are not signed in to the server, or your session has ended.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Your role does not allow this.</translation>
    </message>
    <message>
        <source>This needs %1 permission on the flow; you have %2.</source>
        <translation>This needs %1 permission on the flow; you have %2.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>You do not have permission to do this.</translation>
    </message>
    <message>
        <source>The flow no longer exists, or it is not shared with you.</source>
        <translation>The flow no longer exists, or it is not shared with you.</translation>
    </message>
    <message>
        <source>That version of the flow does not exist. A flow runs its published version: publish one first.</source>
        <translation>That version of the flow does not exist. A flow runs its published version: publish one first.</translation>
    </message>
    <message>
        <source>Another flow already has this name.</source>
        <translation>Another flow already has this name.</translation>
    </message>
    <message>
        <source>This already exists.</source>
        <translation>This already exists.</translation>
    </message>
    <message>
        <source>The name must not be empty and must have at most 255 characters.</source>
        <translation>The name must not be empty and must have at most 255 characters.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>This is not an e-mail address.</translation>
    </message>
    <message>
        <source>The flow definition must be a JSON object.</source>
        <translation>The flow definition must be a JSON object.</translation>
    </message>
    <message>
        <source>The server refused the request: %1</source>
        <translation>The server refused the request: %1</translation>
    </message>
    <message numerus="yes">
        <source>The server refused the flow: it has %n problem(s).</source>
        <translation>
            <numerusform>The server refused the flow: it has %n problem.</numerusform>
            <numerusform>The server refused the flow: it has %n problems.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the flow definition.</source>
        <translation>The server refused the flow definition.</translation>
    </message>
    <message>
        <source>An input mapping of the flow is not valid.</source>
        <translation>An input mapping of the flow is not valid.</translation>
    </message>
    <message>
        <source>The flow is already running and its settings allow only one execution at a time.</source>
        <translation>The flow is already running and its settings allow only one execution at a time.</translation>
    </message>
    <message>
        <source>This share no longer exists.</source>
        <translation>This share no longer exists.</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner and people it is shared with as admin can manage its sharing.</source>
        <translation>Only the flow&apos;s owner and people it is shared with as admin can manage its sharing.</translation>
    </message>
    <message>
        <source>You cannot share a flow with yourself.</source>
        <translation>You cannot share a flow with yourself.</translation>
    </message>
    <message>
        <source>The flow is already shared with this person (or they own it).</source>
        <translation>The flow is already shared with this person (or they own it).</translation>
    </message>
    <message>
        <source>The permission must be view, edit or admin.</source>
        <translation>The permission must be view, edit or admin.</translation>
    </message>
    <message>
        <source>The account with this e-mail address was deleted.</source>
        <translation>The account with this e-mail address was deleted.</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>It no longer exists.</translation>
    </message>
    <message>
        <source>The flow is larger than the server accepts.</source>
        <translation>The flow is larger than the server accepts.</translation>
    </message>
    <message>
        <source>Node “%1” uses the component “%2”, which the server does not have.</source>
        <translation>Node “%1” uses the component “%2”, which the server does not have.</translation>
    </message>
    <message>
        <source>Node “%1” uses version %2 of “%3”, which the server does not have.</source>
        <translation>Node “%1” uses version %2 of “%3”, which the server does not have.</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>The node id “%1” is used more than once.</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>The connection id “%1” is used more than once.</translation>
    </message>
    <message>
        <source>Connection “%1” leads to a node that does not exist.</source>
        <translation>Connection “%1” leads to a node that does not exist.</translation>
    </message>
    <message>
        <source>Connection “%1” leaves from an output “%2” its node does not have.</source>
        <translation>Connection “%1” leaves from an output “%2” its node does not have.</translation>
    </message>
    <message>
        <source>Connection “%1” enters an input “%2” its node does not have.</source>
        <translation>Connection “%1” enters an input “%2” its node does not have.</translation>
    </message>
    <message>
        <source>The connections form a loop: %1.</source>
        <translation>The connections form a loop: %1.</translation>
    </message>
    <message>
        <source>Node “%1” needs a value for its input “%2”: connect it or map it.</source>
        <translation>Node “%1” needs a value for its input “%2”: connect it or map it.</translation>
    </message>
    <message>
        <source>Node “%1” maps an input “%2” its component does not have.</source>
        <translation>Node “%1” maps an input “%2” its component does not have.</translation>
    </message>
    <message>
        <source>Node “%1”: the mapping of input “%2” cannot be read.</source>
        <translation>Node “%1”: the mapping of input “%2” cannot be read.</translation>
    </message>
    <message>
        <source>Node “%1” reads from a node “%2” that does not exist.</source>
        <translation>Node “%1” reads from a node “%2” that does not exist.</translation>
    </message>
    <message>
        <source>Node “%1” reads from node “%2”, which does not run before it: connect them first.</source>
        <translation>Node “%1” reads from node “%2”, which does not run before it: connect them first.</translation>
    </message>
    <message>
        <source>Node “%1” reads an output “%2” that node “%3” does not have.</source>
        <translation>Node “%1” reads an output “%2” that node “%3” does not have.</translation>
    </message>
    <message>
        <source>Node “%1”: input “%2” expects %3 but gets %4.</source>
        <translation>Node “%1”: input “%2” expects %3 but gets %4.</translation>
    </message>
    <message>
        <source>Node “%1”: its configuration is not valid (%2).</source>
        <translation>Node “%1”: its configuration is not valid (%2).</translation>
    </message>
    <message>
        <source>The component “%1” has a configuration schema the server cannot use.</source>
        <translation>The component “%1” has a configuration schema the server cannot use.</translation>
    </message>
    <message>
        <source>The flow setting “%1” is not valid.</source>
        <translation>The flow setting “%1” is not valid.</translation>
    </message>
    <message>
        <source>The definition&apos;s &quot;schemaVersion&quot; is newer than this server understands.</source>
        <translation>The definition&apos;s &quot;schemaVersion&quot; is newer than this server understands.</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow.</source>
        <translation>The definition is not shaped as a flow.</translation>
    </message>
    <message>
        <source>The definition is not shaped as a flow at “%1”.</source>
        <translation>The definition is not shaped as a flow at “%1”.</translation>
    </message>
    <message>
        <source>view</source>
        <translation>view</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>edit</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Deprecated</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Cancelling</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Node “%1”: the expression “%2” at %3 cannot run; it must be a value or read the node&apos;s inputs with “$.inputs…”.</source>
        <translation>Node “%1”: the expression “%2” at %3 cannot run; it must be a value or read the node&apos;s inputs with “$.inputs…”.</translation>
    </message>
</context>
<context>
    <name>FlowFile</name>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at character %2).</source>
        <translation>The file is not valid JSON (%1 at character %2).</translation>
    </message>
    <message>
        <source>The file does not hold a flow: its JSON is not an object.</source>
        <translation>The file does not hold a flow: its JSON is not an object.</translation>
    </message>
    <message>
        <source>The file does not hold a flow: it has neither a &quot;definition&quot; object nor a &quot;nodes&quot; list.</source>
        <translation>The file does not hold a flow: it has neither a &quot;definition&quot; object nor a &quot;nodes&quot; list.</translation>
    </message>
    <message>
        <source>The flow in the file is not valid:
%1</source>
        <translation>The flow in the file is not valid:
%1</translation>
    </message>
    <message>
        <source>The flow settings in the file are not valid:
%1</source>
        <translation>The flow settings in the file are not valid:
%1</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>The file cannot be opened: %1</translation>
    </message>
    <message>
        <source>The file is too large to be a flow (more than 16 MiB).</source>
        <translation>The file is too large to be a flow (more than 16 MiB).</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
</context>
<context>
    <name>MessageBox</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NodeText</name>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Pending enrolment</source>
        <translation>Pending enrolment</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Probes</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>At most %1 labels.</source>
        <translation>At most %1 labels.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: each label is 1 to %2 of the letters a-z and A-Z, digits, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>&quot;%1&quot;: each label is 1 to %2 of the letters a-z and A-Z, digits, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</translation>
    </message>
    <message>
        <source>A node with this name exists already (names ignore case).</source>
        <translation>A node with this name exists already (names ignore case).</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Remote tasks</source>
        <translation>Remote tasks</translation>
    </message>
    <message>
        <source>Agent upgrades</source>
        <translation>Agent upgrades</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Reboot</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>Kernel %1</translation>
    </message>
    <message>
        <source>%1, kernel %2</source>
        <translation>%1, kernel %2</translation>
    </message>
</context>
<context>
    <name>OperationsText</name>
    <message>
        <source>The server refused: only administrators may %1. Ask an administrator, or sign in with an administrator account.</source>
        <translation>The server refused: only administrators may %1. Ask an administrator, or sign in with an administrator account.</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended. Sign in again to %1.</source>
        <translation>You are not signed in to this server, or your session has ended. Sign in again to %1.</translation>
    </message>
    <message>
        <source>The server cannot be reached, so the console could not %1. Check the connection and try again.</source>
        <translation>The server cannot be reached, so the console could not %1. Check the connection and try again.</translation>
    </message>
    <message>
        <source>The server did not answer in time, so the console could not %1. Try again.</source>
        <translation>The server did not answer in time, so the console could not %1. Try again.</translation>
    </message>
    <message>
        <source>Too many requests; wait a moment and try again.</source>
        <translation>Too many requests; wait a moment and try again.</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>Could not %1: %2</translation>
    </message>
</context>
<context>
    <name>ProbeText</name>
    <message>
        <source>HTTP(S)</source>
        <translation>HTTP(S)</translation>
    </message>
    <message>
        <source>TCP port</source>
        <translation>TCP port</translation>
    </message>
    <message>
        <source>Ping (ICMP)</source>
        <translation>Ping (ICMP)</translation>
    </message>
    <message>
        <source>host:port, e.g. db.example.com:5432</source>
        <translation>host:port, e.g. db.example.com:5432</translation>
    </message>
    <message>
        <source>A host, e.g. gateway.example.com</source>
        <translation>A host, e.g. gateway.example.com</translation>
    </message>
    <message>
        <source>A URL, e.g. https://example.com/health</source>
        <translation>A URL, e.g. https://example.com/health</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>One node</translation>
    </message>
    <message>
        <source>Label: %1</source>
        <translation>Label: %1</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>All nodes</translation>
    </message>
    <message>
        <source>Every %1</source>
        <translation>Every %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>An overview of this HiveMind installation.</source>
        <translation>An overview of this HiveMind installation.</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, triggers and sharing.</source>
        <translation>Workflows you design as graphs of components, with their versions, triggers and sharing.</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Every run of a flow, with the status, inputs and outputs of each node as it happens.</source>
        <translation>Every run of a flow, with the status, inputs and outputs of each node as it happens.</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>The catalogue of built-in and HTTP components that flows are built from.</source>
        <translation>The catalogue of built-in and HTTP components that flows are built from.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>External REST services imported from OpenAPI documents, with their endpoints and schemas.</source>
        <translation>External REST services imported from OpenAPI documents, with their endpoints and schemas.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Encrypted secrets used by flows and services; they can be replaced but never shown again.</source>
        <translation>Encrypted secrets used by flows and services; they can be replaced but never shown again.</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</source>
        <translation>Servers and worker machines running the HiveMind agent, with their metrics, processes and terminal.</translation>
    </message>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</source>
        <translation>WireGuard servers and clients, address pools and BGP sessions that connect the fleet.</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Alert rules, notification channels and the history of alerts that fired.</source>
        <translation>Alert rules, notification channels and the history of alerts that fired.</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>Audit &amp; Logs</translation>
    </message>
    <message>
        <source>Who changed what and when, and the server&apos;s logs, searchable and exportable.</source>
        <translation>Who changed what and when, and the server&apos;s logs, searchable and exportable.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Accounts, roles, API keys and two-factor authentication.</source>
        <translation>Accounts, roles, API keys and two-factor authentication.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Server configuration, backups and cluster settings.</source>
        <translation>Server configuration, backups and cluster settings.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ServerErrorText</name>
    <message>
        <source>another HiveMind server is using the data directory %1</source>
        <translation>another HiveMind server is using the data directory %1</translation>
    </message>
    <message>
        <source>the port to listen on is taken by another program</source>
        <translation>the port to listen on is taken by another program</translation>
    </message>
    <message>
        <source>the master key does not open the database in %1</source>
        <translation>the master key does not open the database in %1</translation>
    </message>
    <message>
        <source>the database in %1 is damaged; restore it from a backup</source>
        <translation>the database in %1 is damaged; restore it from a backup</translation>
    </message>
    <message>
        <source>no master key is configured</source>
        <translation>no master key is configured</translation>
    </message>
    <message>
        <source>the server cannot be reached</source>
        <translation>the server cannot be reached</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>the server did not answer in time</translation>
    </message>
    <message>
        <source>the server is not available right now</source>
        <translation>the server is not available right now</translation>
    </message>
    <message>
        <source>you are not signed in to this server, or your session has ended</source>
        <translation>you are not signed in to this server, or your session has ended</translation>
    </message>
    <message>
        <source>you are not allowed to do this with this flow</source>
        <translation>you are not allowed to do this with this flow</translation>
    </message>
    <message>
        <source>the execution does not exist, or you may not see it</source>
        <translation>the execution does not exist, or you may not see it</translation>
    </message>
    <message>
        <source>the flow does not exist, or you may not see it</source>
        <translation>the flow does not exist, or you may not see it</translation>
    </message>
    <message>
        <source>that version of the flow does not exist</source>
        <translation>that version of the flow does not exist</translation>
    </message>
    <message>
        <source>the execution has already ended</source>
        <translation>the execution has already ended</translation>
    </message>
    <message>
        <source>the execution is already being cancelled</source>
        <translation>the execution is already being cancelled</translation>
    </message>
    <message>
        <source>the flow is already running and its settings allow no second run at the same time</source>
        <translation>the flow is already running and its settings allow no second run at the same time</translation>
    </message>
    <message>
        <source>too many requests; try again in a moment</source>
        <translation>too many requests; try again in a moment</translation>
    </message>
    <message>
        <source>only the history still holds this execution, so it can only be re-run from the start</source>
        <translation>only the history still holds this execution, so it can only be re-run from the start</translation>
    </message>
    <message>
        <source>another HiveMind server is using the server&apos;s data directory</source>
        <translation>another HiveMind server is using the server&apos;s data directory</translation>
    </message>
    <message>
        <source>the master key does not open the server&apos;s database</source>
        <translation>the master key does not open the server&apos;s database</translation>
    </message>
    <message>
        <source>the server&apos;s database is damaged; restore it from a backup</source>
        <translation>the server&apos;s database is damaged; restore it from a backup</translation>
    </message>
    <message>
        <source>the user name, e-mail address or password is wrong</source>
        <translation>the user name, e-mail address or password is wrong</translation>
    </message>
    <message>
        <source>what was asked for does not exist, or you may not see it</source>
        <translation>what was asked for does not exist, or you may not see it</translation>
    </message>
    <message>
        <source>an item with this name already exists</source>
        <translation>an item with this name already exists</translation>
    </message>
    <message>
        <source>the server met an internal error; try again, and read the server log if it happens again</source>
        <translation>the server met an internal error; try again, and read the server log if it happens again</translation>
    </message>
    <message>
        <source>the server is in maintenance mode; try again later</source>
        <translation>the server is in maintenance mode; try again later</translation>
    </message>
    <message>
        <source>the account&apos;s e-mail address is not verified yet</source>
        <translation>the account&apos;s e-mail address is not verified yet</translation>
    </message>
    <message>
        <source>the account is locked after too many failed sign-ins; try again later</source>
        <translation>the account is locked after too many failed sign-ins; try again later</translation>
    </message>
    <message>
        <source>the account is suspended; ask an administrator</source>
        <translation>the account is suspended; ask an administrator</translation>
    </message>
    <message>
        <source>an account with this e-mail address already exists</source>
        <translation>an account with this e-mail address already exists</translation>
    </message>
    <message>
        <source>the password does not meet the server&apos;s password policy</source>
        <translation>the password does not meet the server&apos;s password policy</translation>
    </message>
    <message>
        <source>the two passwords do not match</source>
        <translation>the two passwords do not match</translation>
    </message>
    <message>
        <source>the current password is wrong</source>
        <translation>the current password is wrong</translation>
    </message>
    <message>
        <source>the verification link has expired; ask for a new one</source>
        <translation>the verification link has expired; ask for a new one</translation>
    </message>
    <message>
        <source>the user does not exist</source>
        <translation>the user does not exist</translation>
    </message>
    <message>
        <source>the component is not installed on the server</source>
        <translation>the component is not installed on the server</translation>
    </message>
    <message>
        <source>the flow definition is not valid; see its problems</source>
        <translation>the flow definition is not valid; see its problems</translation>
    </message>
    <message>
        <source>an input mapping of the flow is not valid</source>
        <translation>an input mapping of the flow is not valid</translation>
    </message>
    <message>
        <source>the component is installed but cannot be used right now</source>
        <translation>the component is installed but cannot be used right now</translation>
    </message>
    <message>
        <source>the execution ran longer than its time limit</source>
        <translation>the execution ran longer than its time limit</translation>
    </message>
    <message>
        <source>the credential does not exist, or you may not see it</source>
        <translation>the credential does not exist, or you may not see it</translation>
    </message>
    <message>
        <source>you may not use this credential</source>
        <translation>you may not use this credential</translation>
    </message>
    <message>
        <source>the server does not know this type of credential</source>
        <translation>the server does not know this type of credential</translation>
    </message>
    <message>
        <source>the credential is still used by flows; remove it from them first</source>
        <translation>the credential is still used by flows; remove it from them first</translation>
    </message>
    <message>
        <source>the server could not decrypt the stored data</source>
        <translation>the server could not decrypt the stored data</translation>
    </message>
    <message>
        <source>the share does not exist</source>
        <translation>the share does not exist</translation>
    </message>
    <message>
        <source>you may not change how this is shared</source>
        <translation>you may not change how this is shared</translation>
    </message>
    <message>
        <source>you cannot share with yourself</source>
        <translation>you cannot share with yourself</translation>
    </message>
    <message>
        <source>this is already shared with that user</source>
        <translation>this is already shared with that user</translation>
    </message>
    <message>
        <source>the permission is not valid</source>
        <translation>the permission is not valid</translation>
    </message>
    <message>
        <source>the external service does not exist</source>
        <translation>the external service does not exist</translation>
    </message>
    <message>
        <source>the external service has no such endpoint</source>
        <translation>the external service has no such endpoint</translation>
    </message>
    <message>
        <source>the external service&apos;s API description could not be read</source>
        <translation>the external service&apos;s API description could not be read</translation>
    </message>
    <message>
        <source>the external service refused the credentials</source>
        <translation>the external service refused the credentials</translation>
    </message>
    <message>
        <source>the request is larger than the server accepts</source>
        <translation>the request is larger than the server accepts</translation>
    </message>
    <message>
        <source>the server&apos;s database reported an error</source>
        <translation>the server&apos;s database reported an error</translation>
    </message>
    <message>
        <source>the server&apos;s database is busy; try again in a moment</source>
        <translation>the server&apos;s database is busy; try again in a moment</translation>
    </message>
    <message>
        <source>the server&apos;s encryption self-test failed, so it does not run</source>
        <translation>the server&apos;s encryption self-test failed, so it does not run</translation>
    </message>
    <message>
        <source>the server could not encrypt the data</source>
        <translation>the server could not encrypt the data</translation>
    </message>
    <message>
        <source>the encryption key of this data is missing on the server</source>
        <translation>the encryption key of this data is missing on the server</translation>
    </message>
    <message>
        <source>the server does not support this request; it may be older than the console</source>
        <translation>the server does not support this request; it may be older than the console</translation>
    </message>
    <message>
        <source>the server could not read or write a file</source>
        <translation>the server could not read or write a file</translation>
    </message>
    <message>
        <source>the server could not read the request</source>
        <translation>the server could not read the request</translation>
    </message>
    <message>
        <source>someone else changed this meanwhile; reload it and try again</source>
        <translation>someone else changed this meanwhile; reload it and try again</translation>
    </message>
    <message>
        <source>the server refused the values entered; check them and try again</source>
        <translation>the server refused the values entered; check them and try again</translation>
    </message>
    <message>
        <source>the server&apos;s certificate is not the one pinned for it</source>
        <translation>the server&apos;s certificate is not the one pinned for it</translation>
    </message>
    <message>
        <source>the server&apos;s TLS certificate is not trusted</source>
        <translation>the server&apos;s TLS certificate is not trusted</translation>
    </message>
    <message>
        <source>your password must be changed first: sign out and sign in again</source>
        <translation>your password must be changed first: sign out and sign in again</translation>
    </message>
    <message>
        <source>%1 is on a private network (%2), which the server may not reach for users; an administrator can allow it under Settings, &quot;Requests the server makes&quot;</source>
        <translation>%1 is on a private network (%2), which the server may not reach for users; an administrator can allow it under Settings, &quot;Requests the server makes&quot;</translation>
    </message>
    <message>
        <source>this process is protected (pid 1 or the agent itself)</source>
        <translation>this process is protected (pid 1 or the agent itself)</translation>
    </message>
    <message>
        <source>the agent&apos;s user is not allowed to signal this process</source>
        <translation>the agent&apos;s user is not allowed to signal this process</translation>
    </message>
    <message>
        <source>the process has already ended</source>
        <translation>the process has already ended</translation>
    </message>
    <message>
        <source>you have no grant for this on the node; ask an administrator</source>
        <translation>you have no grant for this on the node; ask an administrator</translation>
    </message>
    <message>
        <source>the node&apos;s agent does not allow this (its own config decides)</source>
        <translation>the node&apos;s agent does not allow this (its own config decides)</translation>
    </message>
    <message>
        <source>the node&apos;s agent is not connected right now</source>
        <translation>the node&apos;s agent is not connected right now</translation>
    </message>
    <message>
        <source>confirm your password or a 2FA code first, then try again</source>
        <translation>confirm your password or a 2FA code first, then try again</translation>
    </message>
    <message>
        <source>the path is not valid</source>
        <translation>the path is not valid</translation>
    </message>
    <message>
        <source>the path leads outside the shared folder</source>
        <translation>the path leads outside the shared folder</translation>
    </message>
    <message>
        <source>the path goes through a symbolic link</source>
        <translation>the path goes through a symbolic link</translation>
    </message>
    <message>
        <source>the file has other hard links, so the agent leaves it alone</source>
        <translation>the file has other hard links, so the agent leaves it alone</translation>
    </message>
    <message>
        <source>this folder is read only on the node</source>
        <translation>this folder is read only on the node</translation>
    </message>
    <message>
        <source>the node&apos;s agent shares no folders</source>
        <translation>the node&apos;s agent shares no folders</translation>
    </message>
    <message>
        <source>the node&apos;s agent no longer shares this folder</source>
        <translation>the node&apos;s agent no longer shares this folder</translation>
    </message>
    <message>
        <source>the file or folder does not exist (any more)</source>
        <translation>the file or folder does not exist (any more)</translation>
    </message>
    <message>
        <source>a file or folder of that name already exists</source>
        <translation>a file or folder of that name already exists</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text; download it instead</source>
        <translation>the file is not UTF-8 text; download it instead</translation>
    </message>
    <message>
        <source>the file is too large for this</source>
        <translation>the file is too large for this</translation>
    </message>
    <message>
        <source>that is not a folder</source>
        <translation>that is not a folder</translation>
    </message>
    <message>
        <source>that is a folder</source>
        <translation>that is a folder</translation>
    </message>
    <message>
        <source>only files can be downloaded</source>
        <translation>only files can be downloaded</translation>
    </message>
    <message>
        <source>the bytes that arrived do not match the file (checksum); nothing was written</source>
        <translation>the bytes that arrived do not match the file (checksum); nothing was written</translation>
    </message>
    <message>
        <source>the node no longer knows this upload</source>
        <translation>the node no longer knows this upload</translation>
    </message>
    <message>
        <source>the file on this computer could not be read</source>
        <translation>the file on this computer could not be read</translation>
    </message>
    <message>
        <source>the file on this computer could not be written</source>
        <translation>the file on this computer could not be written</translation>
    </message>
    <message>
        <source>the file on this computer changed while it was read</source>
        <translation>the file on this computer changed while it was read</translation>
    </message>
    <message>
        <source>the download ended before its last byte</source>
        <translation>the download ended before its last byte</translation>
    </message>
</context>
<context>
    <name>ServiceText</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>path</source>
        <translation>path</translation>
    </message>
    <message>
        <source>query</source>
        <translation>query</translation>
    </message>
    <message>
        <source>header</source>
        <translation>header</translation>
    </message>
    <message>
        <source>cookie</source>
        <translation>cookie</translation>
    </message>
    <message>
        <source>array of %1</source>
        <translation>array of %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 instead of a document.</source>
        <translation>%1 answered HTTP %2 instead of a document.</translation>
    </message>
    <message>
        <source>The service cannot be reached at %1: %2</source>
        <translation>The service cannot be reached at %1: %2</translation>
    </message>
    <message>
        <source>The service cannot be reached: %1</source>
        <translation>The service cannot be reached: %1</translation>
    </message>
    <message numerus="yes">
        <source>No OpenAPI document was found at the usual paths (%n tried). Give the schema URL, or add the endpoints by hand.</source>
        <translation>
            <numerusform>No OpenAPI document was found at the usual paths (%n tried). Give the schema URL, or add the endpoints by hand.</numerusform>
            <numerusform>No OpenAPI document was found at the usual paths (%n tried). Give the schema URL, or add the endpoints by hand.</numerusform>
        </translation>
    </message>
    <message>
        <source>The document is larger than the server reads (16 MiB).</source>
        <translation>The document is larger than the server reads (16 MiB).</translation>
    </message>
    <message>
        <source>The document at %1 could not be read (line %2): %3</source>
        <translation>The document at %1 could not be read (line %2): %3</translation>
    </message>
    <message>
        <source>The document could not be read: %1</source>
        <translation>The document could not be read: %1</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Use at most %1 characters.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Enter a name.</translation>
    </message>
    <message>
        <source>Choose a credential you may use, or none.</source>
        <translation>Choose a credential you may use, or none.</translation>
    </message>
    <message>
        <source>The server refused this description.</source>
        <translation>The server refused this description.</translation>
    </message>
    <message>
        <source>The server refused this value.</source>
        <translation>The server refused this value.</translation>
    </message>
    <message>
        <source>Enter an absolute http or https address without query, fragment or user name.</source>
        <translation>Enter an absolute http or https address without query, fragment or user name.</translation>
    </message>
    <message>
        <source>Enter a path under the base URL (starting with &quot;/&quot;) or an absolute http or https address. For a document on this computer, use Import from file... in the new-service wizard.</source>
        <translation>Enter a path under the base URL (starting with &quot;/&quot;) or an absolute http or https address. For a document on this computer, use Import from file... in the new-service wizard.</translation>
    </message>
    <message>
        <source>%1 redirected somewhere the server does not follow (not http or https, or from https to http).</source>
        <translation>%1 redirected somewhere the server does not follow (not http or https, or from https to http).</translation>
    </message>
    <message>
        <source>The document could not be read (line %1): %2</source>
        <translation>The document could not be read (line %1): %2</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Can view and run</source>
        <translation>Can view and run</translation>
    </message>
    <message>
        <source>Can edit</source>
        <translation>Can edit</translation>
    </message>
    <message>
        <source>Can edit and share</source>
        <translation>Can edit and share</translation>
    </message>
</context>
<context>
    <name>WgText</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Not up (error)</source>
        <translation>Not up (error)</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>IPv4 only</source>
        <translation>IPv4 only</translation>
    </message>
    <message>
        <source>IPv6 only</source>
        <translation>IPv6 only</translation>
    </message>
    <message>
        <source>Dual stack (IPv4 and IPv6)</source>
        <translation>Dual stack (IPv4 and IPv6)</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Another WireGuard server has this interface, or the server runs: %1</source>
        <translation>Another WireGuard server has this interface, or the server runs: %1</translation>
    </message>
    <message>
        <source>Another WireGuard server listens on this port.</source>
        <translation>Another WireGuard server listens on this port.</translation>
    </message>
    <message>
        <source>This name is taken.</source>
        <translation>This name is taken.</translation>
    </message>
    <message>
        <source>Another client has this address.</source>
        <translation>Another client has this address.</translation>
    </message>
    <message>
        <source>Refused by the server: %1</source>
        <translation>Refused by the server: %1</translation>
    </message>
    <message>
        <source>Overlaps the subnet of another WireGuard server: %1</source>
        <translation>Overlaps the subnet of another WireGuard server: %1</translation>
    </message>
</context>
<context>
    <name>hm::app::AboutDialog</name>
    <message>
        <source>About HiveMind</source>
        <translation>About HiveMind</translation>
    </message>
    <message>
        <source>A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.</source>
        <translation>A self-hosted operations platform: design workflows, run them on the server&apos;s scheduler, connect your fleet over WireGuard and keep every secret encrypted.</translation>
    </message>
    <message>
        <source>This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.</source>
        <translation>This console is a client of the HiveMind server; in local mode it runs the server in-process on a loopback port.</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountDialog</name>
    <message>
        <source>My account</source>
        <translation>My account</translation>
    </message>
</context>
<context>
    <name>hm::app::AccountPanel</name>
    <message>
        <source>The two new passwords differ.</source>
        <translation>The two new passwords differ.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Two-factor authentication</source>
        <translation>Two-factor authentication</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Two-factor:</source>
        <translation>Two-factor:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>End this console&apos;s session on the server.</source>
        <translation>End this console&apos;s session on the server.</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in (File menu) to see your account.</source>
        <translation>Nobody is signed in. Sign in (File menu) to see your account.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>Repeat the new password:</translation>
    </message>
    <message>
        <source>The server&apos;s password policy</source>
        <translation>The server&apos;s password policy</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Your other sessions are signed out when the password changes.</source>
        <translation>Your other sessions are signed out when the password changes.</translation>
    </message>
    <message>
        <source>Set up two-factor authentication...</source>
        <translation>Set up two-factor authentication...</translation>
    </message>
    <message>
        <source>Scan this code with an authenticator app (for example FreeOTP, Google Authenticator or 1Password), then enter the six-digit code it shows to turn two-factor authentication on.</source>
        <translation>Scan this code with an authenticator app (for example FreeOTP, Google Authenticator or 1Password), then enter the six-digit code it shows to turn two-factor authentication on.</translation>
    </message>
    <message>
        <source>Or type this key into the app:</source>
        <translation>Or type this key into the app:</translation>
    </message>
    <message>
        <source>Code from the app:</source>
        <translation>Code from the app:</translation>
    </message>
    <message>
        <source>Verify and turn on</source>
        <translation>Verify and turn on</translation>
    </message>
    <message>
        <source>Turn two-factor authentication off</source>
        <translation>Turn two-factor authentication off</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Current code:</source>
        <translation>Current code:</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Where you are signed in. Revoking a session signs that device out at its next request.</source>
        <translation>Where you are signed in. Revoking a session signs that device out at its next request.</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Revoke all other sessions</source>
        <translation>Revoke all other sessions</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Only administrators can read the policy in advance. The server checks the new password when you submit it and names any rule it breaks here.</source>
        <translation>Only administrators can read the policy in advance. The server checks the new password when you submit it and names any rule it breaks here.</translation>
    </message>
    <message>
        <source>A new password needs:</source>
        <translation>A new password needs:</translation>
    </message>
    <message>
        <source>Two-factor authentication is on: signing in asks for a code from your authenticator app.</source>
        <translation>Two-factor authentication is on: signing in asks for a code from your authenticator app.</translation>
    </message>
    <message>
        <source>Two-factor authentication is being set up. It is on once you verify a code.</source>
        <translation>Two-factor authentication is being set up. It is on once you verify a code.</translation>
    </message>
    <message>
        <source>Two-factor authentication is off: signing in needs only your password.</source>
        <translation>Two-factor authentication is off: signing in needs only your password.</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>Unknown device</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>This console</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the session of this console: use Sign out.</source>
        <translation>This is the session of this console: use Sign out.</translation>
    </message>
    <message>
        <source>Sign the selected session out.</source>
        <translation>Sign the selected session out.</translation>
    </message>
    <message>
        <source>Revoke session</source>
        <translation>Revoke session</translation>
    </message>
    <message>
        <source>Sign out the session on &quot;%1&quot; (%2)?</source>
        <translation>Sign out the session on &quot;%1&quot; (%2)?</translation>
    </message>
    <message>
        <source>Revoke other sessions</source>
        <translation>Revoke other sessions</translation>
    </message>
    <message>
        <source>Sign out every other device where you are signed in? This console stays signed in.</source>
        <translation>Sign out every other device where you are signed in? This console stays signed in.</translation>
    </message>
    <message>
        <source>Enter your current password.</source>
        <translation>Enter your current password.</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>Your password was changed. Your other sessions were signed out.</source>
        <translation>Your password was changed. Your other sessions were signed out.</translation>
    </message>
    <message>
        <source>Enter the six-digit code your authenticator app shows.</source>
        <translation>Enter the six-digit code your authenticator app shows.</translation>
    </message>
    <message>
        <source>Enter your password and the code your authenticator app shows.</source>
        <translation>Enter your password and the code your authenticator app shows.</translation>
    </message>
    <message>
        <source>Regenerate recovery codes</source>
        <translation>Regenerate recovery codes</translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation>Recovery codes</translation>
    </message>
    <message>
        <source>Keep these codes somewhere safe. Each one signs you in once instead of a code from your authenticator app. They are shown only now.</source>
        <translation>Keep these codes somewhere safe. Each one signs you in once instead of a code from your authenticator app. They are shown only now.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copies the codes; the clipboard is cleared after 30 seconds.</source>
        <translation>Copies the codes; the clipboard is cleared after 30 seconds.</translation>
    </message>
    <message>
        <source>I have saved them</source>
        <translation>I have saved them</translation>
    </message>
    <message>
        <source>Language for e-mails:</source>
        <translation>Language for e-mails:</translation>
    </message>
    <message>
        <source>The language of the e-mails the server sends you, such as password resets.</source>
        <translation>The language of the e-mails the server sends you, such as password resets.</translation>
    </message>
    <message>
        <source>Could not read it: %1</source>
        <translation>Could not read it: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Sign out others</source>
        <translation>Sign out others</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentReleasesDialog</name>
    <message>
        <source>%1 for %2/%3</source>
        <translation>%1 for %2/%3</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>Built in</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>The agent built with this server, offered without an upload.</source>
        <translation>The agent built with this server, offered without an upload.</translation>
    </message>
    <message>
        <source>Uploaded by an administrator.</source>
        <translation>Uploaded by an administrator.</translation>
    </message>
    <message>
        <source>Reading the releases...</source>
        <translation>Reading the releases...</translation>
    </message>
    <message>
        <source>The releases could not be read: %1</source>
        <translation>The releases could not be read: %1</translation>
    </message>
    <message>
        <source>No agent releases yet. Upload a build of hivemind-agent, or run the server next to the agent it was built with: it offers that one by itself.</source>
        <translation>No agent releases yet. Upload a build of hivemind-agent, or run the server next to the agent it was built with: it offers that one by itself.</translation>
    </message>
    <message>
        <source>Type the build&apos;s version first, dotted numbers such as 1.4.0.</source>
        <translation>Type the build&apos;s version first, dotted numbers such as 1.4.0.</translation>
    </message>
    <message>
        <source>Choose the agent build</source>
        <translation>Choose the agent build</translation>
    </message>
    <message>
        <source>The build was not uploaded: %1</source>
        <translation>The build was not uploaded: %1</translation>
    </message>
    <message>
        <source>Version %1 was uploaded and signed.</source>
        <translation>Version %1 was uploaded and signed.</translation>
    </message>
    <message>
        <source>There is no release to upgrade to yet.</source>
        <translation>There is no release to upgrade to yet.</translation>
    </message>
    <message>
        <source>Upgrade many nodes&apos; agents to the selected release, in stages.</source>
        <translation>Upgrade many nodes&apos; agents to the selected release, in stages.</translation>
    </message>
    <message>
        <source>Agent releases</source>
        <translation>Agent releases</translation>
    </message>
    <message>
        <source>The agent builds this server offers to its nodes. Each is signed with the server&apos;s release key; agents install only builds signed with the key they received at enrolment.</source>
        <translation>The agent builds this server offers to its nodes. Each is signed with the server&apos;s release key; agents install only builds signed with the key they received at enrolment.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>e.g. 1.4.0</source>
        <translation>e.g. 1.4.0</translation>
    </message>
    <message>
        <source>Upload build...</source>
        <translation>Upload build...</translation>
    </message>
    <message>
        <source>Choose a hivemind-agent binary (up to 128 MiB) to offer as this version.</source>
        <translation>Choose a hivemind-agent binary (up to 128 MiB) to offer as this version.</translation>
    </message>
    <message>
        <source>Upgrade agents...</source>
        <translation>Upgrade agents...</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::AgentRolloutDialog</name>
    <message>
        <source>The nodes could not be read: %1</source>
        <translation>The nodes could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>Upgrade the agents of %n node(s) to version %1? Each restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>
            <numerusform>Upgrade the agents of %n node to version %1? Each restarts on the new build and goes back to the old one if it cannot reach the server.</numerusform>
            <numerusform>Upgrade the agents of %n nodes to version %1? Each restarts on the new build and goes back to the old one if it cannot reach the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrade agents</source>
        <translation>Upgrade agents</translation>
    </message>
    <message>
        <source>Upgrading: the first node alone, then the next stages...</source>
        <translation>Upgrading: the first node alone, then the next stages...</translation>
    </message>
    <message>
        <source>The upgrade did not start: %1</source>
        <translation>The upgrade did not start: %1</translation>
    </message>
    <message>
        <source>Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5</source>
        <translation>Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5</translation>
    </message>
    <message>
        <source>Waiting for its stage...</source>
        <translation>Waiting for its stage...</translation>
    </message>
    <message>
        <source>Upgraded to %1</source>
        <translation>Upgraded to %1</translation>
    </message>
    <message>
        <source>Failed: rolled back to the old agent</source>
        <translation>Failed: rolled back to the old agent</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation>Failed (%1)</translation>
    </message>
    <message>
        <source>Offline: not tried</source>
        <translation>Offline: not tried</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>Not tried: an earlier stage failed</source>
        <translation>Not tried: an earlier stage failed</translation>
    </message>
    <message>
        <source>Tick the nodes to upgrade first.</source>
        <translation>Tick the nodes to upgrade first.</translation>
    </message>
    <message>
        <source>First one node, then %1 % of the rest, then the rest. The first failure stops the rollout.</source>
        <translation>First one node, then %1 % of the rest, then the rest. The first failure stops the rollout.</translation>
    </message>
    <message>
        <source>Choose the release and the nodes. Their agents are upgraded in stages and each node&apos;s result shows as it ends.</source>
        <translation>Choose the release and the nodes. Their agents are upgraded in stages and each node&apos;s result shows as it ends.</translation>
    </message>
    <message>
        <source>&amp;Release:</source>
        <translation>&amp;Release:</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Label:</translation>
    </message>
    <message>
        <source>e.g. prod</source>
        <translation>e.g. prod</translation>
    </message>
    <message>
        <source>Select labelled</source>
        <translation>Select labelled</translation>
    </message>
    <message>
        <source>Tick exactly the nodes with this label.</source>
        <translation>Tick exactly the nodes with this label.</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>Agent version</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
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
        <source>Waiting for enrolment</source>
        <translation>Waiting for enrolment</translation>
    </message>
    <message>
        <source>&amp;Second stage:</source>
        <translation>&amp;Second stage:</translation>
    </message>
    <message>
        <source>Start upgrade</source>
        <translation>Start upgrade</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Agent upgrade to %1</source>
        <translation>Agent upgrade to %1</translation>
    </message>
    <message>
        <source>Not started: the password was not given.</source>
        <translation>Not started: the password was not given.</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelDialog</name>
    <message>
        <source>Edit channel</source>
        <translation>Edit channel</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is posted to the URL as JSON, signed with the secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again for a while when the receiver does not answer.</source>
        <translation>Each alert that fires or resolves is posted to the URL as JSON, signed with the secret (the X-HiveMind-Signature header, HMAC-SHA256), and tried again for a while when the receiver does not answer.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Secret:</source>
        <translation>&amp;Secret:</translation>
    </message>
    <message>
        <source>Unchanged; type to replace it</source>
        <translation>Unchanged; type to replace it</translation>
    </message>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 to %2 characters</translation>
    </message>
    <message>
        <source>The receiver checks each message&apos;s signature with it. It is stored sealed and never shown again.</source>
        <translation>The receiver checks each message&apos;s signature with it. It is stored sealed and never shown again.</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>A random secret, shown so that you can give it to the receiver.</source>
        <translation>A random secret, shown so that you can give it to the receiver.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copies the secret; the clipboard is cleared after 30 seconds.</source>
        <translation>Copies the secret; the clipboard is cleared after 30 seconds.</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A channel needs a name.</source>
        <translation>A channel needs a name.</translation>
    </message>
    <message>
        <source>An http:// or https:// address.</source>
        <translation>An http:// or https:// address.</translation>
    </message>
    <message>
        <source>%1 to %2 characters.</source>
        <translation>%1 to %2 characters.</translation>
    </message>
    <message>
        <source>For example %1</source>
        <translation>For example %1</translation>
    </message>
    <message>
        <source>New channel</source>
        <translation>New channel</translation>
    </message>
    <message>
        <source>Each alert that fires or resolves is mailed to the recipients through your SMTP server, over STARTTLS or TLS unless you choose otherwise, and tried again for a while when the server is unavailable.</source>
        <translation>Each alert that fires or resolves is mailed to the recipients through your SMTP server, over STARTTLS or TLS unless you choose otherwise, and tried again for a while when the server is unavailable.</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMTP &amp;server:</source>
        <translation>SMTP &amp;server:</translation>
    </message>
    <message>
        <source>587 for STARTTLS, 465 for TLS.</source>
        <translation>587 for STARTTLS, 465 for TLS.</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>Se&amp;curity:</translation>
    </message>
    <message>
        <source>STARTTLS (recommended)</source>
        <translation>STARTTLS (recommended)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None: only for a relay on a trusted network</source>
        <translation>None: only for a relay on a trusted network</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>User na&amp;me:</translation>
    </message>
    <message>
        <source>Optional: no sign-in when empty</source>
        <translation>Optional: no sign-in when empty</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>The SMTP user&apos;s password</source>
        <translation>The SMTP user&apos;s password</translation>
    </message>
    <message>
        <source>Stored sealed and never shown again.</source>
        <translation>Stored sealed and never shown again.</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Addresses, separated by commas</source>
        <translation>Addresses, separated by commas</translation>
    </message>
    <message>
        <source>Trusted C&amp;A:</source>
        <translation>Trusted C&amp;A:</translation>
    </message>
    <message>
        <source>Optional: the PEM certificate of a private CA the SMTP server&apos;s certificate is signed by</source>
        <translation>Optional: the PEM certificate of a private CA the SMTP server&apos;s certificate is signed by</translation>
    </message>
    <message>
        <source>One e-mail address.</source>
        <translation>One e-mail address.</translation>
    </message>
    <message>
        <source>1 to 20 e-mail addresses, separated by commas.</source>
        <translation>1 to 20 e-mail addresses, separated by commas.</translation>
    </message>
    <message>
        <source>A user name needs its password.</source>
        <translation>A user name needs its password.</translation>
    </message>
    <message>
        <source>A PEM certificate (-----BEGIN CERTIFICATE-----).</source>
        <translation>A PEM certificate (-----BEGIN CERTIFICATE-----).</translation>
    </message>
    <message>
        <source>Port </source>
        <translation>Port </translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The language of the messages&apos; subject and text.</source>
        <translation>The language of the messages&apos; subject and text.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Shows the secret so that you can check and select it.</source>
        <translation>Shows the secret so that you can check and select it.</translation>
    </message>
    <message>
        <source>The SMTP server&apos;s host name.</source>
        <translation>The SMTP server&apos;s host name.</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertChannelModel</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Sends to</source>
        <translation>Sends to</translation>
    </message>
    <message>
        <source>%1 (through %2)</source>
        <translation>%1 (through %2)</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertNotifier</name>
    <message>
        <source>Resolved: %1</source>
        <translation>Resolved: %1</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>Alert: %1</translation>
    </message>
    <message>
        <source>%1 is back to normal.</source>
        <translation>%1 is back to normal.</translation>
    </message>
    <message>
        <source>%1 is offline.</source>
        <translation>%1 is offline.</translation>
    </message>
    <message>
        <source>%1: %2, over the threshold of %3.</source>
        <translation>%1: %2, over the threshold of %3.</translation>
    </message>
    <message>
        <source>%1: %2 (%3).</source>
        <translation>%1: %2 (%3).</translation>
    </message>
    <message>
        <source>%1: resolved by %2.</source>
        <translation>%1: resolved by %2.</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRecordModel</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>The rule was deleted since.</source>
        <translation>The rule was deleted since.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>Fired</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleDialog</name>
    <message>
        <source>Edit alert rule</source>
        <translation>Edit alert rule</translation>
    </message>
    <message>
        <source>New alert rule</source>
        <translation>New alert rule</translation>
    </message>
    <message>
        <source>A changed rule starts over: its open alerts resolve and it is checked afresh against the next reports.</source>
        <translation>A changed rule starts over: its open alerts resolve and it is checked afresh against the next reports.</translation>
    </message>
    <message>
        <source>The server checks every report of the nodes the rule applies to and raises an alert when the condition holds for the time given.</source>
        <translation>The server checks every report of the nodes the rule applies to and raises an alert when the condition holds for the time given.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Watch:</source>
        <translation>&amp;Watch:</translation>
    </message>
    <message>
        <source>&amp;Over:</source>
        <translation>&amp;Over:</translation>
    </message>
    <message>
        <source>Offline &amp;for:</source>
        <translation>Offline &amp;for:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;For:</translation>
    </message>
    <message>
        <source>0: the first report over the threshold fires. At most 24 hours.</source>
        <translation>0: the first report over the threshold fires. At most 24 hours.</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>hours</translation>
    </message>
    <message>
        <source>&amp;Applies to:</source>
        <translation>&amp;Applies to:</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Enabled</translation>
    </message>
    <message>
        <source>A disabled rule is kept but not checked.</source>
        <translation>A disabled rule is kept but not checked.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>An offline rule has no threshold: it fires when the agent has been away for the time below.</source>
        <translation>An offline rule has no threshold: it fires when the agent has been away for the time below.</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>Node offline</source>
        <translation>Node offline</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation>A rule needs a name.</translation>
    </message>
    <message>
        <source>Pick the node the rule watches.</source>
        <translation>Pick the node the rule watches.</translation>
    </message>
    <message>
        <source>&amp;Probe:</source>
        <translation>&amp;Probe:</translation>
    </message>
    <message>
        <source>No probe yet: add one under Probes</source>
        <translation>No probe yet: add one under Probes</translation>
    </message>
    <message>
        <source>The probes could not be read: %1</source>
        <translation>The probes could not be read: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>A probe rule has no threshold: it fires while the probe finds its target down.</source>
        <translation>A probe rule has no threshold: it fires while the probe finds its target down.</translation>
    </message>
    <message>
        <source>&amp;Under:</source>
        <translation>&amp;Under:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>a probe</source>
        <translation>a probe</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 down</translation>
    </message>
    <message>
        <source>Certificate of %1 %2</source>
        <translation>Certificate of %1 %2</translation>
    </message>
    <message>
        <source>Pick the probe the rule watches.</source>
        <translation>Pick the probe the rule watches.</translation>
    </message>
    <message>
        <source>Re&amp;mind:</source>
        <translation>Re&amp;mind:</translation>
    </message>
    <message>
        <source>While an alert of this rule stays open, its channels are told again this often.</source>
        <translation>While an alert of this rule stays open, its channels are told again this often.</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>&amp;Container:</translation>
    </message>
    <message>
        <source>A name, web-* or any</source>
        <translation>A name, web-* or any</translation>
    </message>
    <message>
        <source>The container&apos;s name as Docker shows it; * and ? match any characters, any watches every container of the node.</source>
        <translation>The container&apos;s name as Docker shows it; * and ? match any characters, any watches every container of the node.</translation>
    </message>
    <message>
        <source>A container rule has no threshold: it fires while one of its containers is down (or unhealthy).</source>
        <translation>A container rule has no threshold: it fires while one of its containers is down (or unhealthy).</translation>
    </message>
    <message>
        <source>Name the container, a pattern such as web-*, or any.</source>
        <translation>Name the container, a pattern such as web-*, or any.</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertRuleModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>For</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Applies to</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>Reminders</translation>
    </message>
</context>
<context>
    <name>hm::app::AlertsPage</name>
    <message>
        <source>No alerts yet</source>
        <translation>No alerts yet</translation>
    </message>
    <message>
        <source>More alerts could not be read: %1</source>
        <translation>More alerts could not be read: %1</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>What fired on your nodes, and the rules the server checks every report against.</source>
        <translation>What fired on your nodes, and the rules the server checks every report against.</translation>
    </message>
    <message>
        <source>New rule...</source>
        <translation>New rule...</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>Open alerts</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <source>All alerts</source>
        <translation>All alerts</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>Every type</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a rule first.</source>
        <translation>Select a rule first.</translation>
    </message>
    <message>
        <source>A rule that raises an alert when nodes report a value over a threshold or go offline.</source>
        <translation>A rule that raises an alert when nodes report a value over a threshold or go offline.</translation>
    </message>
    <message>
        <source>Change what the rule watches and where.</source>
        <translation>Change what the rule watches and where.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Keep the rule but stop checking it; its open alerts resolve.</source>
        <translation>Keep the rule but stop checking it; its open alerts resolve.</translation>
    </message>
    <message>
        <source>Check the rule again from the next reports.</source>
        <translation>Check the rule again from the next reports.</translation>
    </message>
    <message>
        <source>Delete the rule; the alerts it raised stay in the history.</source>
        <translation>Delete the rule; the alerts it raised stay in the history.</translation>
    </message>
    <message>
        <source>Select an alert first.</source>
        <translation>Select an alert first.</translation>
    </message>
    <message>
        <source>This alert is resolved already.</source>
        <translation>This alert is resolved already.</translation>
    </message>
    <message>
        <source>Mark the alert resolved. While its condition still holds no new alert opens; the rule fires again once it cleared.</source>
        <translation>Mark the alert resolved. While its condition still holds no new alert opens; the rule fires again once it cleared.</translation>
    </message>
    <message>
        <source>The alerts could not be read</source>
        <translation>The alerts could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No alert of this type</source>
        <translation>No alert of this type</translation>
    </message>
    <message>
        <source>No %1 alert is open.</source>
        <translation>No %1 alert is open.</translation>
    </message>
    <message>
        <source>No %1 alert has fired.</source>
        <translation>No %1 alert has fired.</translation>
    </message>
    <message>
        <source>Nothing is firing</source>
        <translation>Nothing is firing</translation>
    </message>
    <message>
        <source>Every node is within its rules. Alerts that fired and resolved are under &quot;All alerts&quot;.</source>
        <translation>Every node is within its rules. Alerts that fired and resolved are under &quot;All alerts&quot;.</translation>
    </message>
    <message>
        <source>No rule watches the nodes yet. Create one under Rules: the server raises an alert here and on this desktop when it fires.</source>
        <translation>No rule watches the nodes yet. Create one under Rules: the server raises an alert here and on this desktop when it fires.</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>Show all alerts</translation>
    </message>
    <message>
        <source>No rule has fired. Alerts that fire and resolve stay here as the history.</source>
        <translation>No rule has fired. Alerts that fire and resolve stay here as the history.</translation>
    </message>
    <message>
        <source>The rules could not be read</source>
        <translation>The rules could not be read</translation>
    </message>
    <message>
        <source>No rules yet</source>
        <translation>No rules yet</translation>
    </message>
    <message>
        <source>A rule watches one value of your nodes (CPU, memory, disk, load, network) or whether they are online, and raises an alert when it holds for the time you give.</source>
        <translation>A rule watches one value of your nodes (CPU, memory, disk, load, network) or whether they are online, and raises an alert when it holds for the time you give.</translation>
    </message>
    <message>
        <source>Sign in to see the alerts.</source>
        <translation>Sign in to see the alerts.</translation>
    </message>
    <message>
        <source>Loading rules...</source>
        <translation>Loading rules...</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s)</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading alerts...</source>
        <translation>Loading alerts...</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing</source>
        <translation>
            <numerusform>%n alert firing</numerusform>
            <numerusform>%n alerts firing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n alert(s) shown</source>
        <translation>
            <numerusform>%1 of %n alert shown</numerusform>
            <numerusform>%1 of %n alerts shown</numerusform>
        </translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>The rule was not changed: %1</translation>
    </message>
    <message>
        <source>Delete alert rule</source>
        <translation>Delete alert rule</translation>
    </message>
    <message>
        <source>Delete the rule &quot;%1&quot;? Its open alerts resolve; the alerts it raised stay in the history.</source>
        <translation>Delete the rule &quot;%1&quot;? Its open alerts resolve; the alerts it raised stay in the history.</translation>
    </message>
    <message>
        <source>The rule was not deleted: %1</source>
        <translation>The rule was not deleted: %1</translation>
    </message>
    <message>
        <source>The alert was not resolved: %1</source>
        <translation>The alert was not resolved: %1</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>New channel...</source>
        <translation>New channel...</translation>
    </message>
    <message>
        <source>Select a channel first.</source>
        <translation>Select a channel first.</translation>
    </message>
    <message>
        <source>Change the URL, the secret or the name.</source>
        <translation>Change the URL, the secret or the name.</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Testing...</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Send a test message now and say how it went.</source>
        <translation>Send a test message now and say how it went.</translation>
    </message>
    <message>
        <source>Delete the channel and the record of its deliveries.</source>
        <translation>Delete the channel and the record of its deliveries.</translation>
    </message>
    <message>
        <source>Channels are for administrators</source>
        <translation>Channels are for administrators</translation>
    </message>
    <message>
        <source>The channels could not be read</source>
        <translation>The channels could not be read</translation>
    </message>
    <message>
        <source>No channels yet</source>
        <translation>No channels yet</translation>
    </message>
    <message>
        <source>Loading channels...</source>
        <translation>Loading channels...</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s)</source>
        <translation>
            <numerusform>%n channel</numerusform>
            <numerusform>%n channels</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending a test message to &quot;%1&quot;...</source>
        <translation>Sending a test message to &quot;%1&quot;...</translation>
    </message>
    <message>
        <source>The channel was not tested: %1</source>
        <translation>The channel was not tested: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; received the test message (HTTP %2, %3 ms).</source>
        <translation>&quot;%1&quot; received the test message (HTTP %2, %3 ms).</translation>
    </message>
    <message>
        <source>The test message to &quot;%1&quot; failed: %2.</source>
        <translation>The test message to &quot;%1&quot; failed: %2.</translation>
    </message>
    <message>
        <source>Delete channel</source>
        <translation>Delete channel</translation>
    </message>
    <message>
        <source>Delete the channel &quot;%1&quot;? Alerts are no longer sent there; the record of its deliveries goes with it.</source>
        <translation>Delete the channel &quot;%1&quot;? Alerts are no longer sent there; the record of its deliveries goes with it.</translation>
    </message>
    <message>
        <source>The channel was not deleted: %1</source>
        <translation>The channel was not deleted: %1</translation>
    </message>
    <message>
        <source>A webhook or a mailbox that receives every alert that fires or resolves.</source>
        <translation>A webhook or a mailbox that receives every alert that fires or resolves.</translation>
    </message>
    <message>
        <source>Administrators choose where alerts are sent besides the consoles: webhooks and mailboxes that receive every alert. The alerts and rules are yours to read.</source>
        <translation>Administrators choose where alerts are sent besides the consoles: webhooks and mailboxes that receive every alert. The alerts and rules are yours to read.</translation>
    </message>
    <message>
        <source>Alerts show here and on the desktops of the consoles signed in. Add a webhook or an e-mail channel to send them to a chat, a pager, a mailbox or your own tooling as well.</source>
        <translation>Alerts show here and on the desktops of the consoles signed in. Add a webhook or an e-mail channel to send them to a chat, a pager, a mailbox or your own tooling as well.</translation>
    </message>
    <message>
        <source>The SMTP server took the test message for &quot;%1&quot; (reply %2, %3 ms).</source>
        <translation>The SMTP server took the test message for &quot;%1&quot; (reply %2, %3 ms).</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Probes</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <source>Plan maintenance...</source>
        <translation>Plan maintenance...</translation>
    </message>
    <message>
        <source>End now...</source>
        <translation>End now...</translation>
    </message>
    <message>
        <source>Hold back the alerts of some nodes while you work on them.</source>
        <translation>Hold back the alerts of some nodes while you work on them.</translation>
    </message>
    <message>
        <source>End the window now: its nodes raise alerts again.</source>
        <translation>End the window now: its nodes raise alerts again.</translation>
    </message>
    <message>
        <source>Select a window first.</source>
        <translation>Select a window first.</translation>
    </message>
    <message>
        <source>The maintenance windows could not be read</source>
        <translation>The maintenance windows could not be read</translation>
    </message>
    <message>
        <source>No maintenance planned</source>
        <translation>No maintenance planned</translation>
    </message>
    <message>
        <source>Before you reboot or upgrade nodes, plan a window: the rules raise no alert on the nodes it covers until it ends, so nobody is paged for work you expect.</source>
        <translation>Before you reboot or upgrade nodes, plan a window: the rules raise no alert on the nodes it covers until it ends, so nobody is paged for work you expect.</translation>
    </message>
    <message>
        <source>Plan maintenance</source>
        <translation>Plan maintenance</translation>
    </message>
    <message>
        <source>Loading maintenance windows...</source>
        <translation>Loading maintenance windows...</translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance window(s), %1 in progress</source>
        <translation>
            <numerusform>%n maintenance window, %1 in progress</numerusform>
            <numerusform>%n maintenance windows, %1 in progress</numerusform>
        </translation>
    </message>
    <message>
        <source>End the window &quot;%1&quot; now? Its nodes raise alerts again; a value still over its threshold fires once the rule&apos;s time has passed.</source>
        <translation>End the window &quot;%1&quot; now? Its nodes raise alerts again; a value still over its threshold fires once the rule&apos;s time has passed.</translation>
    </message>
    <message>
        <source>Cancel the planned window &quot;%1&quot;? Alerts will not be held back.</source>
        <translation>Cancel the planned window &quot;%1&quot;? Alerts will not be held back.</translation>
    </message>
    <message>
        <source>End maintenance</source>
        <translation>End maintenance</translation>
    </message>
    <message>
        <source>The window was not ended: %1</source>
        <translation>The window was not ended: %1</translation>
    </message>
    <message>
        <source>Unhealthy containers on %1: %2</source>
        <translation>Unhealthy containers on %1: %2</translation>
    </message>
    <message>
        <source>Containers down on %1: %2</source>
        <translation>Containers down on %1: %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>End now</source>
        <translation>End now</translation>
    </message>
    <message>
        <source>Cancel window</source>
        <translation>Cancel window</translation>
    </message>
    <message>
        <source>Keep window</source>
        <translation>Keep window</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeyDialog</name>
    <message>
        <source>&quot;%1&quot; is not an IP address or a CIDR range such as 10.0.0.0/8.</source>
        <translation>&quot;%1&quot; is not an IP address or a CIDR range such as 10.0.0.0/8.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with &quot;/&quot;, for example /api/v1/flows*.</source>
        <translation>&quot;%1&quot; must start with &quot;/&quot;, for example /api/v1/flows*.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a path pattern: use a path with * as the wildcard.</source>
        <translation>&quot;%1&quot; is not a path pattern: use a path with * as the wildcard.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a permission: use area.view, area.execute, area.edit, area.* or *.</source>
        <translation>&quot;%1&quot; is not a permission: use area.view, area.execute, area.edit, area.* or *.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an area of the server; known: %2.</source>
        <translation>&quot;%1&quot; is not an area of the server; known: %2.</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>New API key</translation>
    </message>
    <message>
        <source>A key lets a script or another program use the API as you, limited to what you choose here. Its secret is shown once, after it is created.</source>
        <translation>A key lets a script or another program use the API as you, limited to what you choose here. Its secret is shown once, after it is created.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Access level:</source>
        <translation>Access level:</translation>
    </message>
    <message>
        <source>Permissions:</source>
        <translation>Permissions:</translation>
    </message>
    <message>
        <source>Allowed IPs:</source>
        <translation>Allowed IPs:</translation>
    </message>
    <message>
        <source>Endpoints:</source>
        <translation>Endpoints:</translation>
    </message>
    <message>
        <source>Rate / burst:</source>
        <translation>Rate / burst:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Expiry:</translation>
    </message>
    <message>
        <source>e.g. nightly backup script</source>
        <translation>e.g. nightly backup script</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>GET requests only.</source>
        <translation>GET requests only.</translation>
    </message>
    <message>
        <source>Reads and changes, as a user.</source>
        <translation>Reads and changes, as a user.</translation>
    </message>
    <message>
        <source>Everything an administrator may do.</source>
        <translation>Everything an administrator may do.</translation>
    </message>
    <message>
        <source>empty = all the access level allows; e.g. flows.view, executions.execute</source>
        <translation>empty = all the access level allows; e.g. flows.view, executions.execute</translation>
    </message>
    <message>
        <source>area.view, area.execute, area.edit, area.* or *, separated by commas.</source>
        <translation>area.view, area.execute, area.edit, area.* or *, separated by commas.</translation>
    </message>
    <message>
        <source>empty = any address; one address or CIDR per line, e.g. 192.168.1.0/24</source>
        <translation>empty = any address; one address or CIDR per line, e.g. 192.168.1.0/24</translation>
    </message>
    <message>
        <source>empty = every endpoint; one path pattern per line, e.g. /api/v1/flows*</source>
        <translation>empty = every endpoint; one path pattern per line, e.g. /api/v1/flows*</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>server default</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> per minute</translation>
    </message>
    <message>
        <source>Requests per minute this key may make; 0 keeps the server&apos;s default.</source>
        <translation>Requests per minute this key may make; 0 keeps the server&apos;s default.</translation>
    </message>
    <message>
        <source>no burst</source>
        <translation>no burst</translation>
    </message>
    <message>
        <source> burst</source>
        <translation> burst</translation>
    </message>
    <message>
        <source>Requests the key may make at once above its rate (token bucket); needs a rate limit.</source>
        <translation>Requests the key may make at once above its rate (token bucket); needs a rate limit.</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Create key</translation>
    </message>
    <message>
        <source>A key needs a name.</source>
        <translation>A key needs a name.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>The expiry must be in the future.</translation>
    </message>
    <message>
        <source>Everything the access level allows (*)</source>
        <translation>Everything the access level allows (*)</translation>
    </message>
    <message>
        <source>View (%1)</source>
        <translation>View (%1)</translation>
    </message>
    <message>
        <source>Run (%1)</source>
        <translation>Run (%1)</translation>
    </message>
    <message>
        <source>Change (%1)</source>
        <translation>Change (%1)</translation>
    </message>
    <message>
        <source>Everything in this area (%1)</source>
        <translation>Everything in this area (%1)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Pick permissions from the ones the server defines</source>
        <translation>Pick permissions from the ones the server defines</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeyListModel</name>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>as the access level</source>
        <translation>as the access level</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>server default</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Access</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Permissions</translation>
    </message>
    <message>
        <source>Allowed IPs</source>
        <translation>Allowed IPs</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Rate limit</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>Burst</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Last used</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeySecretDialog</name>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s) if it still holds the key.</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second if it still holds the key.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds if it still holds the key.</numerusform>
        </translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API key created</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; was created.</source>
        <translation>The key &quot;%1&quot; was created.</translation>
    </message>
    <message>
        <source>Copy the key now: this is the only time it is shown. The server keeps only a hash of it; if it is lost, revoke it and create a new one. Send it as the X-API-Key header.</source>
        <translation>Copy the key now: this is the only time it is shown. The server keeps only a hash of it; if it is lost, revoke it and create a new one. Send it as the X-API-Key header.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>hm::app::ApiKeysPanel</name>
    <message>
        <source>Keys let scripts and other programs use the server&apos;s API as you, within the limits set on each key.</source>
        <translation>Keys let scripts and other programs use the server&apos;s API as you, within the limits set on each key.</translation>
    </message>
    <message>
        <source>New API key...</source>
        <translation>New API key...</translation>
    </message>
    <message>
        <source>Revoke...</source>
        <translation>Revoke...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Create a key; its secret is shown once.</source>
        <translation>Create a key; its secret is shown once.</translation>
    </message>
    <message>
        <source>Revoke the selected key: programs using it stop working at once.</source>
        <translation>Revoke the selected key: programs using it stop working at once.</translation>
    </message>
    <message>
        <source>Select a key first.</source>
        <translation>Select a key first.</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in to see your API keys.</source>
        <translation>Nobody is signed in. Sign in to see your API keys.</translation>
    </message>
    <message>
        <source>Loading API keys...</source>
        <translation>Loading API keys...</translation>
    </message>
    <message>
        <source>The keys could not be read: %1</source>
        <translation>The keys could not be read: %1</translation>
    </message>
    <message>
        <source>You have no API keys. Viewers cannot create keys; ask an administrator if a program needs one.</source>
        <translation>You have no API keys. Viewers cannot create keys; ask an administrator if a program needs one.</translation>
    </message>
    <message>
        <source>You have no API keys yet. Create one with &quot;New API key&quot; when a script or program needs to use the API.</source>
        <translation>You have no API keys yet. Create one with &quot;New API key&quot; when a script or program needs to use the API.</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Revoke API key</translation>
    </message>
    <message>
        <source>Revoke the key &quot;%1&quot; (%2)? Programs using it are refused from now on. This cannot be undone.</source>
        <translation>Revoke the key &quot;%1&quot; (%2)? Programs using it are refused from now on. This cannot be undone.</translation>
    </message>
    <message>
        <source>The key was not revoked: %1</source>
        <translation>The key was not revoked: %1</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
</context>
<context>
    <name>hm::app::ArrayField</name>
    <message>
        <source>Add Item</source>
        <translation>Add Item</translation>
    </message>
    <message>
        <source>Add an item to %1</source>
        <translation>Add an item to %1</translation>
    </message>
    <message>
        <source>From %1 to %2 items.</source>
        <translation>From %1 to %2 items.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n item(s).</source>
        <translation>
            <numerusform>At most %n item.</numerusform>
            <numerusform>At most %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n item(s).</source>
        <translation>
            <numerusform>At least %n item.</numerusform>
            <numerusform>At least %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove this item</source>
        <translation>Remove this item</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>Remove item %1</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditListModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP address</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>hm::app::AuditLogsPage</name>
    <message>
        <source>read the audit trail</source>
        <translation>read the audit trail</translation>
    </message>
    <message>
        <source>read the server logs</source>
        <translation>read the server logs</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>Export Server Logs</source>
        <translation>Export Server Logs</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 files (*.%2)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>export the logs</source>
        <translation>export the logs</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Saved the logs to %1.</source>
        <translation>Saved the logs to %1.</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail and the server logs.</source>
        <translation>Sign in to read the audit trail and the server logs.</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail and the server logs; you are signed in as %1.</source>
        <translation>Only administrators may read the audit trail and the server logs; you are signed in as %1.</translation>
    </message>
    <message>
        <source>Download the records that match the filters as a file</source>
        <translation>Download the records that match the filters as a file</translation>
    </message>
    <message>
        <source>Sign in to read the audit trail.</source>
        <translation>Sign in to read the audit trail.</translation>
    </message>
    <message>
        <source>Only administrators may read the audit trail.</source>
        <translation>Only administrators may read the audit trail.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>No audit entries match these filters.</source>
        <translation>No audit entries match these filters.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n entries</source>
        <translation>
            <numerusform>Showing %1 of %n entry</numerusform>
            <numerusform>Showing %1 of %n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to read the server logs.</source>
        <translation>Sign in to read the server logs.</translation>
    </message>
    <message>
        <source>Only administrators may read the server logs.</source>
        <translation>Only administrators may read the server logs.</translation>
    </message>
    <message>
        <source>No log records match these filters.</source>
        <translation>No log records match these filters.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n records</source>
        <translation>
            <numerusform>Showing %1 of %n record</numerusform>
            <numerusform>Showing %1 of %n records</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Following new records live.</source>
        <translation>%1 Following new records live.</translation>
    </message>
    <message>
        <source>Audit &amp; Logs</source>
        <translation>Audit &amp; Logs</translation>
    </message>
    <message>
        <source>Who did what on this server, and what the server itself reported. Administrators only.</source>
        <translation>Who did what on this server, and what the server itself reported. Administrators only.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Server logs</source>
        <translation>Server logs</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Any user</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>Resource type</translation>
    </message>
    <message>
        <source>Any resource</source>
        <translation>Any resource</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <source>Warnings and above</source>
        <translation>Warnings and above</translation>
    </message>
    <message>
        <source>Errors and above</source>
        <translation>Errors and above</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>Critical only</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Text in the message</source>
        <translation>Text in the message</translation>
    </message>
    <message>
        <source>Live tail</source>
        <translation>Live tail</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>Export Audit Trail</source>
        <translation>Export Audit Trail</translation>
    </message>
    <message>
        <source>export the audit trail</source>
        <translation>export the audit trail</translation>
    </message>
    <message>
        <source>Saved the audit trail to %1.</source>
        <translation>Saved the audit trail to %1.</translation>
    </message>
    <message>
        <source>Download the entries that match the filters as a file</source>
        <translation>Download the entries that match the filters as a file</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Any action</translation>
    </message>
    <message>
        <source>Pick an action, or type part of its name or code</source>
        <translation>Pick an action, or type part of its name or code</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>All nodes</translation>
    </message>
</context>
<context>
    <name>hm::app::BackgroundTaskList</name>
    <message>
        <source>Background tasks</source>
        <translation>Background tasks</translation>
    </message>
    <message>
        <source>No background tasks.</source>
        <translation>No background tasks.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Clear finished</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Running…</translation>
    </message>
    <message>
        <source>Running… %1 %</source>
        <translation>Running… %1 %</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>hm::app::BackgroundTasksStatus</name>
    <message numerus="yes">
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n task running</numerusform>
            <numerusform>%n tasks running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) finished</source>
        <translation>
            <numerusform>%n task finished</numerusform>
            <numerusform>%n tasks finished</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the background tasks</source>
        <translation>Show the background tasks</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupListModel</name>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Being made (%1 %)</source>
        <translation>Being made (%1 %)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>hm::app::BackupsTab</name>
    <message>
        <source>the file was changed after it was made</source>
        <translation>the file was changed after it was made</translation>
    </message>
    <message>
        <source>the file is cut off</source>
        <translation>the file is cut off</translation>
    </message>
    <message>
        <source>the file is not a HiveMind backup</source>
        <translation>the file is not a HiveMind backup</translation>
    </message>
    <message>
        <source>the backup was made with another master key</source>
        <translation>the backup was made with another master key</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match</source>
        <translation>the file&apos;s checksum does not match</translation>
    </message>
    <message>
        <source>the backup&apos;s database cannot be brought to this server&apos;s version</source>
        <translation>the backup&apos;s database cannot be brought to this server&apos;s version</translation>
    </message>
    <message>
        <source>another backup is being made</source>
        <translation>another backup is being made</translation>
    </message>
    <message>
        <source>another restore is being prepared</source>
        <translation>another restore is being prepared</translation>
    </message>
    <message>
        <source>Backing up… %1 %</source>
        <translation>Backing up… %1 %</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>The backup failed: %1</translation>
    </message>
    <message>
        <source>Backup %1 is complete (%2). It is useless without the server&apos;s master key: keep a copy of the master key apart from the backups.</source>
        <translation>Backup %1 is complete (%2). It is useless without the server&apos;s master key: keep a copy of the master key apart from the backups.</translation>
    </message>
    <message>
        <source>Backup %1 is complete</source>
        <translation>Backup %1 is complete</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>No backup was made</translation>
    </message>
    <message>
        <source>Uploading %1 (%2)…</source>
        <translation>Uploading %1 (%2)…</translation>
    </message>
    <message>
        <source>Downloading to %1 (%2)…</source>
        <translation>Downloading to %1 (%2)…</translation>
    </message>
    <message>
        <source>Save the backup file</source>
        <translation>Save the backup file</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup)</source>
        <translation>HiveMind backups (*.hmbackup)</translation>
    </message>
    <message>
        <source>Saved to %1. Keep it with care: it holds every secret of the server, readable with the master key.</source>
        <translation>Saved to %1. Keep it with care: it holds every secret of the server, readable with the master key.</translation>
    </message>
    <message>
        <source>The download stopped (start it again to go on)</source>
        <translation>The download stopped (start it again to go on)</translation>
    </message>
    <message>
        <source>The download failed</source>
        <translation>The download failed</translation>
    </message>
    <message>
        <source>Downloading to %1…</source>
        <translation>Downloading to %1…</translation>
    </message>
    <message>
        <source>Upload a backup file</source>
        <translation>Upload a backup file</translation>
    </message>
    <message>
        <source>HiveMind backups (*.hmbackup);;All files (*)</source>
        <translation>HiveMind backups (*.hmbackup);;All files (*)</translation>
    </message>
    <message>
        <source>Uploaded as %1: the server checked it with its master key.</source>
        <translation>Uploaded as %1: the server checked it with its master key.</translation>
    </message>
    <message>
        <source>The upload was refused</source>
        <translation>The upload was refused</translation>
    </message>
    <message>
        <source>Uploading %1…</source>
        <translation>Uploading %1…</translation>
    </message>
    <message>
        <source>Restore the backup of %1?

It replaces the server&apos;s whole database — flows, executions, users, credentials, nodes, settings and the audit trail — with the backup&apos;s, as it was then. Everything done since is lost. The restore is applied when the server starts next; the current database is kept beside it.</source>
        <translation>Restore the backup of %1?

It replaces the server&apos;s whole database — flows, executions, users, credentials, nodes, settings and the audit trail — with the backup&apos;s, as it was then. Everything done since is lost. The restore is applied when the server starts next; the current database is kept beside it.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Checking and preparing the restore…</source>
        <translation>Checking and preparing the restore…</translation>
    </message>
    <message>
        <source>The restore was refused</source>
        <translation>The restore was refused</translation>
    </message>
    <message>
        <source>The backup of %1 is checked and staged: restart the server to apply it.</source>
        <translation>The backup of %1 is checked and staged: restart the server to apply it.</translation>
    </message>
    <message>
        <source>Restore staged: restart the server to apply it</source>
        <translation>Restore staged: restart the server to apply it</translation>
    </message>
    <message>
        <source>Delete a backup</source>
        <translation>Delete a backup</translation>
    </message>
    <message>
        <source>Delete the backup %1 and its file? This cannot be undone.</source>
        <translation>Delete the backup %1 and its file? This cannot be undone.</translation>
    </message>
    <message>
        <source>The backup was not deleted</source>
        <translation>The backup was not deleted</translation>
    </message>
    <message>
        <source>Backup %1 deleted.</source>
        <translation>Backup %1 deleted.</translation>
    </message>
    <message>
        <source>Only administrators see and manage backups.</source>
        <translation>Only administrators see and manage backups.</translation>
    </message>
    <message>
        <source>A backup holds the whole database, encrypted. It is useless without the server&apos;s master key, which is never in a backup: keep a copy of the master key apart from the backups.</source>
        <translation>A backup holds the whole database, encrypted. It is useless without the server&apos;s master key, which is never in a backup: keep a copy of the master key apart from the backups.</translation>
    </message>
    <message>
        <source>Create backup</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <source>Download…</source>
        <translation>Download…</translation>
    </message>
    <message>
        <source>Upload…</source>
        <translation>Upload…</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Edit schedule…</source>
        <translation>Edit schedule…</translation>
    </message>
    <message>
        <source>Scheduled backups: every day at %1.</source>
        <translation>Scheduled backups: every day at %1.</translation>
    </message>
    <message>
        <source>Scheduled backups: every %1 at %2.</source>
        <translation>Scheduled backups: every %1 at %2.</translation>
    </message>
    <message>
        <source>Scheduled backups: off.</source>
        <translation>Scheduled backups: off.</translation>
    </message>
    <message numerus="yes">
        <source>Kept: the newest %n, and one per week for %1 weeks.</source>
        <translation>
            <numerusform>Kept: the newest %n, and one per week for %1 weeks.</numerusform>
            <numerusform>Kept: the newest %n, and one per week for %1 weeks.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: the console left that server.</source>
        <translation>Stopped: the console left that server.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>Cancelled: nothing was kept.</translation>
    </message>
    <message>
        <source>Backup of the server</source>
        <translation>Backup of the server</translation>
    </message>
    <message>
        <source>Download of the backup %1</source>
        <translation>Download of the backup %1</translation>
    </message>
    <message>
        <source>Upload of the backup file %1</source>
        <translation>Upload of the backup file %1</translation>
    </message>
    <message>
        <source>Restore of the backup of %1</source>
        <translation>Restore of the backup of %1</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnounceDialog</name>
    <message>
        <source>Add the prefix length, e.g. 198.51.100.0/24 or 2001:db8:100::/40.</source>
        <translation>Add the prefix length, e.g. 198.51.100.0/24 or 2001:db8:100::/40.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>&quot;%1&quot; is not an IPv4 or IPv6 address.</translation>
    </message>
    <message>
        <source>The prefix length must be 0 to %1.</source>
        <translation>The prefix length must be 0 to %1.</translation>
    </message>
    <message>
        <source>Host bits are set past /%1: the network is %2/%1.</source>
        <translation>Host bits are set past /%1: the network is %2/%1.</translation>
    </message>
    <message>
        <source>Announce prefix</source>
        <translation>Announce prefix</translation>
    </message>
    <message>
        <source>BIRD announces the prefix on every BGP session, besides the active IPv6 pools&apos; (those are announced automatically).</source>
        <translation>BIRD announces the prefix on every BGP session, besides the active IPv6 pools&apos; (those are announced automatically).</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefix:</translation>
    </message>
    <message>
        <source>e.g. 198.51.100.0/24 or 2001:db8:100::/40</source>
        <translation>e.g. 198.51.100.0/24 or 2001:db8:100::/40</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Announce</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Refused by the server (%1): this prefix is announced already, or it is an active IPv6 pool&apos;s.</source>
        <translation>Refused by the server (%1): this prefix is announced already, or it is an active IPv6 pool&apos;s.</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpAnnouncementsPane</name>
    <message>
        <source>The announced prefixes could not be read: %1</source>
        <translation>The announced prefixes could not be read: %1</translation>
    </message>
    <message>
        <source>Announced prefixes</source>
        <translation>Announced prefixes</translation>
    </message>
    <message>
        <source>Announce...</source>
        <translation>Announce...</translation>
    </message>
    <message>
        <source>Withdraw...</source>
        <translation>Withdraw...</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Sign in to see the announced prefixes.</source>
        <translation>Sign in to see the announced prefixes.</translation>
    </message>
    <message>
        <source>No prefixes announced besides the IPv6 pools&apos;. The active IPv6 pools are announced on every session automatically; announce other IPv4 or IPv6 prefixes here.</source>
        <translation>No prefixes announced besides the IPv6 pools&apos;. The active IPv6 pools are announced on every session automatically; announce other IPv4 or IPv6 prefixes here.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Announce an IPv4 or IPv6 prefix on every BGP session.</source>
        <translation>Announce an IPv4 or IPv6 prefix on every BGP session.</translation>
    </message>
    <message>
        <source>Stop announcing the prefix on every session.</source>
        <translation>Stop announcing the prefix on every session.</translation>
    </message>
    <message>
        <source>Select a prefix first.</source>
        <translation>Select a prefix first.</translation>
    </message>
    <message>
        <source>Withdraw prefix</source>
        <translation>Withdraw prefix</translation>
    </message>
    <message>
        <source>Withdraw %1? BIRD stops announcing it on every session; its neighbors drop the route.</source>
        <translation>Withdraw %1? BIRD stops announcing it on every session; its neighbors drop the route.</translation>
    </message>
    <message>
        <source>The prefix was not withdrawn: %1</source>
        <translation>The prefix was not withdrawn: %1</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Withdraw</translation>
    </message>
</context>
<context>
    <name>hm::app::BgpPane</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Edit BGP session</source>
        <translation>Edit BGP session</translation>
    </message>
    <message>
        <source>New BGP session</source>
        <translation>New BGP session</translation>
    </message>
    <message>
        <source>Letters, digits and _, e.g. upstream_a</source>
        <translation>Letters, digits and _, e.g. upstream_a</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1 or 2001:db8::1</source>
        <translation>e.g. 192.0.2.1 or 2001:db8::1</translation>
    </message>
    <message>
        <source>N&amp;eighbor:</source>
        <translation>N&amp;eighbor:</translation>
    </message>
    <message>
        <source>&amp;Remote AS:</source>
        <translation>&amp;Remote AS:</translation>
    </message>
    <message>
        <source>&amp;Local AS:</source>
        <translation>&amp;Local AS:</translation>
    </message>
    <message>
        <source>Empty: keep the stored password</source>
        <translation>Empty: keep the stored password</translation>
    </message>
    <message>
        <source>Optional (TCP-MD5)</source>
        <translation>Optional (TCP-MD5)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Remove the stored password</source>
        <translation>Remove the stored password</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Hold time:</source>
        <translation>&amp;Hold time:</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>&amp;Keepalive:</translation>
    </message>
    <message>
        <source>Connect re&amp;try:</source>
        <translation>Connect re&amp;try:</translation>
    </message>
    <message>
        <source>Direct (shared link)</source>
        <translation>Direct (shared link)</translation>
    </message>
    <message>
        <source>&amp;Multihop TTL:</source>
        <translation>&amp;Multihop TTL:</translation>
    </message>
    <message>
        <source>TTL security (GTSM)</source>
        <translation>TTL security (GTSM)</translation>
    </message>
    <message>
        <source>&amp;Security:</source>
        <translation>&amp;Security:</translation>
    </message>
    <message>
        <source>The session runs</source>
        <translation>The session runs</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>Ena&amp;bled:</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Letters, digits and _, not starting with a digit.</source>
        <translation>Letters, digits and _, not starting with a digit.</translation>
    </message>
    <message>
        <source>One unicast IPv4 or IPv6 address.</source>
        <translation>One unicast IPv4 or IPv6 address.</translation>
    </message>
    <message>
        <source>An AS number, 1 to 4294967295.</source>
        <translation>An AS number, 1 to 4294967295.</translation>
    </message>
    <message>
        <source>Shorter than the hold time.</source>
        <translation>Shorter than the hold time.</translation>
    </message>
    <message>
        <source>The BGP sessions could not be read: %1</source>
        <translation>The BGP sessions could not be read: %1</translation>
    </message>
    <message>
        <source>No routes to show: BIRD does not run this session (%1).</source>
        <translation>No routes to show: BIRD does not run this session (%1).</translation>
    </message>
    <message>
        <source>No routes to show: BIRD is not available.</source>
        <translation>No routes to show: BIRD is not available.</translation>
    </message>
    <message>
        <source>The routes could not be read: %1</source>
        <translation>The routes could not be read: %1</translation>
    </message>
    <message>
        <source>Unavailable: %1</source>
        <translation>Unavailable: %1</translation>
    </message>
    <message>
        <source>BIRD is not answering</source>
        <translation>BIRD is not answering</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Established</translation>
    </message>
    <message>
        <source>Stopped (%1)</source>
        <translation>Stopped (%1)</translation>
    </message>
    <message>
        <source>New session...</source>
        <translation>New session...</translation>
    </message>
    <message>
        <source>Edit session...</source>
        <translation>Edit session...</translation>
    </message>
    <message>
        <source>Delete session...</source>
        <translation>Delete session...</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Neighbor</source>
        <translation>Neighbor</translation>
    </message>
    <message>
        <source>Remote AS</source>
        <translation>Remote AS</translation>
    </message>
    <message>
        <source>Local AS</source>
        <translation>Local AS</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Uptime</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Advertised</source>
        <translation>Advertised</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Next hop</source>
        <translation>Next hop</translation>
    </message>
    <message>
        <source>AS path</source>
        <translation>AS path</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Local pref</source>
        <translation>Local pref</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MED</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>Sign in to see the BGP sessions.</source>
        <translation>Sign in to see the BGP sessions.</translation>
    </message>
    <message>
        <source>No BGP sessions yet. A session peers with a neighbor router through BIRD and announces the active IPv6 pools.</source>
        <translation>No BGP sessions yet. A session peers with a neighbor router through BIRD and announces the active IPv6 pools.</translation>
    </message>
    <message>
        <source>Routes of %1</source>
        <translation>Routes of %1</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>Routes</translation>
    </message>
    <message>
        <source>Select a session to see its routes.</source>
        <translation>Select a session to see its routes.</translation>
    </message>
    <message>
        <source>No routes received from this neighbor.</source>
        <translation>No routes received from this neighbor.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Select a session first.</translation>
    </message>
    <message>
        <source>A new BGP session with a neighbor router.</source>
        <translation>A new BGP session with a neighbor router.</translation>
    </message>
    <message>
        <source>Change the session; BIRD is reconfigured.</source>
        <translation>Change the session; BIRD is reconfigured.</translation>
    </message>
    <message>
        <source>Disable the session in BIRD; it stays stored.</source>
        <translation>Disable the session in BIRD; it stays stored.</translation>
    </message>
    <message>
        <source>Enable the session in BIRD.</source>
        <translation>Enable the session in BIRD.</translation>
    </message>
    <message>
        <source>Delete the session and remove it from BIRD.</source>
        <translation>Delete the session and remove it from BIRD.</translation>
    </message>
    <message>
        <source>The session was not stopped: %1</source>
        <translation>The session was not stopped: %1</translation>
    </message>
    <message>
        <source>The session was not started: %1</source>
        <translation>The session was not started: %1</translation>
    </message>
    <message>
        <source>Delete BGP session</source>
        <translation>Delete BGP session</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; (neighbor %2)? BIRD drops the session and its routes. This cannot be undone.</source>
        <translation>Delete &quot;%1&quot; (neighbor %2)? BIRD drops the session and its routes. This cannot be undone.</translation>
    </message>
    <message>
        <source>The session was not deleted: %1</source>
        <translation>The session was not deleted: %1</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>IPv&amp;6 next hop:</source>
        <translation>IPv&amp;6 next hop:</translation>
    </message>
    <message>
        <source>Optional: for IPv6 over a multihop IPv4 session</source>
        <translation>Optional: for IPv6 over a multihop IPv4 session</translation>
    </message>
    <message>
        <source>The IPv6 next hop announced with the IPv6 routes. Over an IPv4 session BIRD takes the IPv6 address of the interface towards a direct neighbor; a multihop session needs one here.</source>
        <translation>The IPv6 next hop announced with the IPv6 routes. Over an IPv4 session BIRD takes the IPv6 address of the interface towards a direct neighbor; a multihop session needs one here.</translation>
    </message>
    <message>
        <source>One unicast IPv6 address, or empty.</source>
        <translation>One unicast IPv6 address, or empty.</translation>
    </message>
    <message>
        <source>%1 sends IPv6 routes without a next hop and the neighbor ignores them: set its IPv6 next hop.</source>
        <translation>%1 sends IPv6 routes without a next hop and the neighbor ignores them: set its IPv6 next hop.</translation>
    </message>
    <message>
        <source>the server has no BIRD control socket (its --bird-socket option)</source>
        <translation>the server has no BIRD control socket (its --bird-socket option)</translation>
    </message>
    <message>
        <source>BIRD does not run this session yet</source>
        <translation>BIRD does not run this session yet</translation>
    </message>
    <message>
        <source>BIRD is starting the session</source>
        <translation>BIRD is starting the session</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::CaCertificateField</name>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 KiB: not a CA certificate file.</source>
        <translation>%1 is larger than 64 KiB: not a CA certificate file.</translation>
    </message>
    <message>
        <source>CA Certificate</source>
        <translation>CA Certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>None: the server trusts the system&apos;s certificate authorities.</source>
        <translation>None: the server trusts the system&apos;s certificate authorities.</translation>
    </message>
    <message>
        <source>Not a PEM certificate: paste the text from &quot;-----BEGIN CERTIFICATE-----&quot; to &quot;-----END CERTIFICATE-----&quot; (at most 64 KiB).</source>
        <translation>Not a PEM certificate: paste the text from &quot;-----BEGIN CERTIFICATE-----&quot; to &quot;-----END CERTIFICATE-----&quot; (at most 64 KiB).</translation>
    </message>
    <message>
        <source>%1: expired on %2</source>
        <translation>%1: expired on %2</translation>
    </message>
    <message>
        <source>%1: valid until %2</source>
        <translation>%1: valid until %2</translation>
    </message>
    <message>
        <source>Load from File…</source>
        <translation>Load from File…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Optional: paste the PEM certificate of a private CA</source>
        <translation>Optional: paste the PEM certificate of a private CA</translation>
    </message>
</context>
<context>
    <name>hm::app::ChartHover</name>
    <message>
        <source>%1: no value</source>
        <translation>%1: no value</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>hm::app::ChoiceField</name>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>Default (%1)</translation>
    </message>
</context>
<context>
    <name>hm::app::CommandPalette</name>
    <message>
        <source>%1 › %2</source>
        <comment>command palette: menu path › command</comment>
        <translation>%1 › %2</translation>
    </message>
    <message>
        <source>Not available now.</source>
        <translation>Not available now.</translation>
    </message>
    <message>
        <source>Type a command or a section</source>
        <translation>Type a command or a section</translation>
    </message>
    <message>
        <source>No command matches. Try fewer or other words.</source>
        <translation>No command matches. Try fewer or other words.</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentCatalogue</name>
    <message>
        <source>The server&apos;s list of components cannot be read.</source>
        <translation>The server&apos;s list of components cannot be read.</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentDetailsDialog</name>
    <message>
        <source>No icon (a box)</source>
        <translation>No icon (a box)</translation>
    </message>
    <message>
        <source>%1 (not one the console draws)</source>
        <translation>%1 (not one the console draws)</translation>
    </message>
    <message>
        <source>The server refused this: only administrators may change components.</source>
        <translation>The server refused this: only administrators may change components.</translation>
    </message>
    <message>
        <source>The server no longer has a registered component &quot;%1&quot;.</source>
        <translation>The server no longer has a registered component &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Component details</source>
        <translation>Component details</translation>
    </message>
    <message>
        <source>These fields belong to the component &quot;%1&quot; and are shown for every version of it.</source>
        <translation>These fields belong to the component &quot;%1&quot; and are shown for every version of it.</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Display name:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Icon:</source>
        <translation>Icon:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>None, e.g. image</source>
        <translation>None, e.g. image</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The server refused the description: it may have at most %1 characters.</source>
        <translation>The server refused the description: it may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The server refused the display name: it may have at most %1 characters.</source>
        <translation>The server refused the display name: it may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The server refused the category: it may have at most %1 characters.</source>
        <translation>The server refused the category: it may have at most %1 characters.</translation>
    </message>
    <message>
        <source>The server refused the description.</source>
        <translation>The server refused the description.</translation>
    </message>
    <message>
        <source>The server refused the display name.</source>
        <translation>The server refused the display name.</translation>
    </message>
    <message>
        <source>The server refused the category.</source>
        <translation>The server refused the category.</translation>
    </message>
    <message>
        <source>The server does not know this icon: choose one from the list.</source>
        <translation>The server does not know this icon: choose one from the list.</translation>
    </message>
    <message>
        <source>The server refused one of the values.</source>
        <translation>The server refused one of the values.</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentIcon</name>
    <message>
        <source>Component</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Resize</translation>
    </message>
    <message>
        <source>Compress</source>
        <translation>Compress</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transform</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Compute</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentListModel</name>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Deprecated</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Unhealthy</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>HTTP service</source>
        <translation>HTTP service</translation>
    </message>
    <message>
        <source>%1 (component name: %2)</source>
        <translation>%1 (component name: %2)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentPalette</name>
    <message>
        <source>%1, version %2. Drag it onto the canvas.</source>
        <translation>%1, version %2. Drag it onto the canvas.</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>%1 %2 (deprecated)</source>
        <translation>%1 %2 (deprecated)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>healthy</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>degraded</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>unhealthy</translation>
    </message>
    <message>
        <source>health unknown</source>
        <translation>health unknown</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Deprecated: it still runs, but newer flows should use another version.</source>
        <translation>%1, version %2 (%3). Deprecated: it still runs, but newer flows should use another version.</translation>
    </message>
    <message>
        <source>%1, version %2 (%3). Drag it onto the canvas.</source>
        <translation>%1, version %2 (%3). Drag it onto the canvas.</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>%1 %2 of %3. Drag it onto the canvas to call it.</source>
        <translation>%1 %2 of %3. Drag it onto the canvas to call it.</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Search components</source>
        <translation>Search components</translation>
    </message>
    <message>
        <source>Components by name; service endpoints by method, path, summary or service</source>
        <translation>Components by name; service endpoints by method, path, summary or service</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>No category</translation>
    </message>
</context>
<context>
    <name>hm::app::ComponentsPage</name>
    <message>
        <source>The server refused this: only administrators may register or deprecate components.</source>
        <translation>The server refused this: only administrators may register or deprecate components.</translation>
    </message>
    <message>
        <source>You are not signed in to this server, or your session has ended.</source>
        <translation>You are not signed in to this server, or your session has ended.</translation>
    </message>
    <message>
        <source>The component service cannot be reached or is not healthy: %1</source>
        <translation>The component service cannot be reached or is not healthy: %1</translation>
    </message>
    <message>
        <source>The service at this endpoint does not serve a component named &quot;%1&quot;.</source>
        <translation>The service at this endpoint does not serve a component named &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The server does not know this component (any more).</source>
        <translation>The server does not know this component (any more).</translation>
    </message>
    <message>
        <source>Already registered: %1</source>
        <translation>Already registered: %1</translation>
    </message>
    <message>
        <source>The endpoint must be an http or https URL without user name, password, query or fragment, e.g. http://10.0.0.5:9000.</source>
        <translation>The endpoint must be an http or https URL without user name, password, query or fragment, e.g. http://10.0.0.5:9000.</translation>
    </message>
    <message>
        <source>Component %1 has version &quot;%2&quot;, which is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1).</source>
        <translation>Component %1 has version &quot;%2&quot;, which is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or 2.0.0-rc.1).</translation>
    </message>
    <message>
        <source>Component %1 has an invalid %2: %3</source>
        <translation>Component %1 has an invalid %2: %3</translation>
    </message>
    <message>
        <source>The server refused this: %1</source>
        <translation>The server refused this: %1</translation>
    </message>
    <message>
        <source>Enter the base URL of the component service.</source>
        <translation>Enter the base URL of the component service.</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>Checking %1...</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>Registered %n component version(s): %1</source>
        <translation>
            <numerusform>Registered %n component version: %1</numerusform>
            <numerusform>Registered %n component versions: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as active</source>
        <translation>Mark as active</translation>
    </message>
    <message>
        <source>Deprecate</source>
        <translation>Deprecate</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Only administrators may register or deprecate components.</source>
        <translation>Only administrators may register or deprecate components.</translation>
    </message>
    <message>
        <source>Check the service&apos;s health, read its interfaces and register them.</source>
        <translation>Check the service&apos;s health, read its interfaces and register them.</translation>
    </message>
    <message>
        <source>Built-in components cannot be deprecated.</source>
        <translation>Built-in components cannot be deprecated.</translation>
    </message>
    <message>
        <source>A deprecated version keeps running; flows that start using it get a warning.</source>
        <translation>A deprecated version keeps running; flows that start using it get a warning.</translation>
    </message>
    <message>
        <source>Sign in to see the components.</source>
        <translation>Sign in to see the components.</translation>
    </message>
    <message>
        <source>Loading components...</source>
        <translation>Loading components...</translation>
    </message>
    <message>
        <source>The components could not be loaded: %1</source>
        <translation>The components could not be loaded: %1</translation>
    </message>
    <message>
        <source>No components.</source>
        <translation>No components.</translation>
    </message>
    <message numerus="yes">
        <source>%n component version(s).</source>
        <translation>
            <numerusform>%n component version.</numerusform>
            <numerusform>%n component versions.</numerusform>
        </translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1, required</source>
        <translation>%1, required</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>No component selected</source>
        <translation>No component selected</translation>
    </message>
    <message>
        <source>Select a component version to see its ports and configuration schema.</source>
        <translation>Select a component version to see its ports and configuration schema.</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Health: %1</source>
        <translation>Health: %1</translation>
    </message>
    <message>
        <source>Built in: runs inside the server.</source>
        <translation>Built in: runs inside the server.</translation>
    </message>
    <message>
        <source>Endpoint %1: %2</source>
        <translation>Endpoint %1: %2</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Outputs</translation>
    </message>
    <message>
        <source>Configuration schema</source>
        <translation>Configuration schema</translation>
    </message>
    <message>
        <source>(any configuration)</source>
        <translation>(any configuration)</translation>
    </message>
    <message>
        <source>Looking for flows that use this version...</source>
        <translation>Looking for flows that use this version...</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>No flow you can see uses this version.</source>
        <translation>No flow you can see uses this version.</translation>
    </message>
    <message numerus="yes">
        <source>Used by %n flow version(s): %1</source>
        <translation>
            <numerusform>Used by %n flow version: %1</numerusform>
            <numerusform>Used by %n flow versions: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Components</source>
        <translation>Components</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Register a component service:</source>
        <translation>Register a component service:</translation>
    </message>
    <message>
        <source>Endpoint URL, e.g. http://10.0.0.5:9000</source>
        <translation>Endpoint URL, e.g. http://10.0.0.5:9000</translation>
    </message>
    <message>
        <source>Component name (optional)</source>
        <translation>Component name (optional)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Port or key</source>
        <translation>Port or key</translation>
    </message>
    <message>
        <source>Type or value</source>
        <translation>Type or value</translation>
    </message>
    <message>
        <source>Enter a component name first: these fields belong to one component.</source>
        <translation>Enter a component name first: these fields belong to one component.</translation>
    </message>
    <message>
        <source>Edit details...</source>
        <translation>Edit details...</translation>
    </message>
    <message>
        <source>Only administrators may change components.</source>
        <translation>Only administrators may change components.</translation>
    </message>
    <message>
        <source>Built-in components have no editable details.</source>
        <translation>Built-in components have no editable details.</translation>
    </message>
    <message>
        <source>Display name, category, icon and description of every version.</source>
        <translation>Display name, category, icon and description of every version.</translation>
    </message>
    <message>
        <source>Component name: %1</source>
        <translation>Component name: %1</translation>
    </message>
    <message>
        <source>Category: none</source>
        <translation>Category: none</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>Category: %1</translation>
    </message>
    <message>
        <source>Display name (optional)</source>
        <translation>Display name (optional)</translation>
    </message>
    <message>
        <source>Category (optional)</source>
        <translation>Category (optional)</translation>
    </message>
    <message>
        <source>Description (optional)</source>
        <translation>Description (optional)</translation>
    </message>
    <message>
        <source>The components cannot be shown</source>
        <translation>The components cannot be shown</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Try Again</translation>
    </message>
    <message>
        <source>No components yet</source>
        <translation>No components yet</translation>
    </message>
    <message>
        <source>Components are the steps of a flow: the built-in ones and those registered from a service or a component server.</source>
        <translation>Components are the steps of a flow: the built-in ones and those registered from a service or a component server.</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>What flows are built from: the built-in components and those of the component services registered here.</source>
        <translation>What flows are built from: the built-in components and those of the component services registered here.</translation>
    </message>
</context>
<context>
    <name>hm::app::ConnectionDialog</name>
    <message>
        <source>Enter a name and an http:// or https:// address.</source>
        <translation>Enter a name and an http:// or https:// address.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>None (plain HTTP)</source>
        <translation>None (plain HTTP)</translation>
    </message>
    <message>
        <source>The server cannot be used: %1</source>
        <translation>The server cannot be used: %1</translation>
    </message>
    <message>
        <source>The server answers (status: %1).</source>
        <translation>The server answers (status: %1).</translation>
    </message>
    <message>
        <source>%1 — differs from the one remembered for this profile (%2)</source>
        <translation>%1 — differs from the one remembered for this profile (%2)</translation>
    </message>
    <message>
        <source>Add Server</source>
        <translation>Add Server</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Verify the server&apos;s TLS certificate</source>
        <translation>&amp;Verify the server&apos;s TLS certificate</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Certificate:</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>C&amp;heck</source>
        <translation>C&amp;heck</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The server answers and is healthy.</source>
        <translation>The server answers and is healthy.</translation>
    </message>
    <message>
        <source>The server answers but reports a degraded state.</source>
        <translation>The server answers but reports a degraded state.</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>Remove Server</translation>
    </message>
    <message>
        <source>Remove the server “%1” (%2)? The sign-in kept for it is forgotten too.</source>
        <translation>Remove the server “%1” (%2)? The sign-in kept for it is forgotten too.</translation>
    </message>
    <message>
        <source>Refused: the server&apos;s certificate has the fingerprint %1, but %2 is pinned for it. The certificate changed, or this is another server.</source>
        <translation>Refused: the server&apos;s certificate has the fingerprint %1, but %2 is pinned for it. The certificate changed, or this is another server.</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate is not trusted: %1. If you trust this server, pin its fingerprint or turn off verification.</source>
        <translation>The server&apos;s TLS certificate is not trusted: %1. If you trust this server, pin its fingerprint or turn off verification.</translation>
    </message>
    <message>
        <source>Edit Server</source>
        <translation>Edit Server</translation>
    </message>
    <message>
        <source>Saved servers:</source>
        <translation>Saved servers:</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>&amp;Pinned fingerprint:</source>
        <translation>&amp;Pinned fingerprint:</translation>
    </message>
    <message>
        <source>SHA-256, optional: remembered at the first check</source>
        <translation>SHA-256, optional: remembered at the first check</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialDialog</name>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Send in</source>
        <translation>Send in</translation>
    </message>
    <message>
        <source>Header or parameter name</source>
        <translation>Header or parameter name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>Token URL</source>
        <translation>Token URL</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Private key</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Load private key</source>
        <translation>Load private key</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>This file is too large to be a private key.</source>
        <translation>This file is too large to be a private key.</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>Query parameter</translation>
    </message>
    <message>
        <source>New credential</source>
        <translation>New credential</translation>
    </message>
    <message>
        <source>Edit credential &quot;%1&quot;</source>
        <translation>Edit credential &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Secret fields are write-only: once stored they are never shown again, only replaced.</source>
        <translation>Secret fields are write-only: once stored they are never shown again, only replaced.</translation>
    </message>
    <message>
        <source>Secret fields are write-only. Leave a stored secret empty to keep it; type a new value to replace it.</source>
        <translation>Secret fields are write-only. Leave a stored secret empty to keep it; type a new value to replace it.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>e.g. Billing API</source>
        <translation>e.g. Billing API</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>The type of a stored credential cannot change.</source>
        <translation>The type of a stored credential cannot change.</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared: every user can see it; only you and administrators can change it.</source>
        <translation>Private: only you (and administrators). Shared: every user can see it; only you and administrators can change it.</translation>
    </message>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>will be cleared</source>
        <translation>will be cleared</translation>
    </message>
    <message>
        <source>stored — unchanged</source>
        <translation>stored — unchanged</translation>
    </message>
    <message>
        <source>Paste the private key (OpenSSH or PEM) or load it from a file</source>
        <translation>Paste the private key (OpenSSH or PEM) or load it from a file</translation>
    </message>
    <message>
        <source>space-separated, e.g. read write</source>
        <translation>space-separated, e.g. read write</translation>
    </message>
    <message>
        <source>optional, e.g. Bearer</source>
        <translation>optional, e.g. Bearer</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>default (%1)</translation>
    </message>
    <message>
        <source>driver default</source>
        <translation>driver default</translation>
    </message>
    <message>
        <source>Clear the stored value</source>
        <translation>Clear the stored value</translation>
    </message>
    <message>
        <source>Remove the stored %1 when you press OK.</source>
        <translation>Remove the stored %1 when you press OK.</translation>
    </message>
    <message>
        <source>Load from file...</source>
        <translation>Load from file...</translation>
    </message>
    <message>
        <source>Read the private key from a file.</source>
        <translation>Read the private key from a file.</translation>
    </message>
    <message>
        <source>Give the credential a name.</source>
        <translation>Give the credential a name.</translation>
    </message>
    <message>
        <source>Fill in %1.</source>
        <translation>Fill in %1.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>What uses this credential could not be read: %1</source>
        <translation>What uses this credential could not be read: %1</translation>
    </message>
    <message>
        <source>Nothing uses this credential; it can be deleted.</source>
        <translation>Nothing uses this credential; it can be deleted.</translation>
    </message>
    <message>
        <source>While anything uses it, the credential cannot be deleted.</source>
        <translation>While anything uses it, the credential cannot be deleted.</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Used by</translation>
    </message>
    <message>
        <source>Services that sign in with this credential.</source>
        <translation>Services that sign in with this credential.</translation>
    </message>
    <message>
        <source>Private: only you (and administrators). Shared and Workspace: every user of this server can see and use it; only you and administrators can change it.</source>
        <translation>Private: only you (and administrators). Shared and Workspace: every user of this server can see and use it; only you and administrators can change it.</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialListModel</name>
    <message>
        <source>Created %1</source>
        <translation>Created %1</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>(deleted user)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Visibility</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialUsageModel</name>
    <message>
        <source>Linked %1</source>
        <translation>Linked %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>hm::app::CredentialsPage</name>
    <message>
        <source>More credentials could not be read: %1</source>
        <translation>More credentials could not be read: %1</translation>
    </message>
    <message>
        <source>The key rotation finished.</source>
        <translation>The key rotation finished.</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Passwords, tokens and keys that flows and services sign in with. They are stored encrypted and never shown again.</source>
        <translation>Passwords, tokens and keys that flows and services sign in with. They are stored encrypted and never shown again.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>New credential...</source>
        <translation>New credential...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Test...</source>
        <translation>Test...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>The encryption key&apos;s status and its rotation are for administrators; you are signed in as %1.</source>
        <translation>The encryption key&apos;s status and its rotation are for administrators; you are signed in as %1.</translation>
    </message>
    <message>
        <source>Select a credential first.</source>
        <translation>Select a credential first.</translation>
    </message>
    <message>
        <source>Only its owner (%1) or an administrator can change or test this credential.</source>
        <translation>Only its owner (%1) or an administrator can change or test this credential.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Store a new credential.</source>
        <translation>Store a new credential.</translation>
    </message>
    <message>
        <source>Change the name, sharing or fields; replace secrets.</source>
        <translation>Change the name, sharing or fields; replace secrets.</translation>
    </message>
    <message>
        <source>Check that the credential is accepted.</source>
        <translation>Check that the credential is accepted.</translation>
    </message>
    <message>
        <source>Delete the credential.</source>
        <translation>Delete the credential.</translation>
    </message>
    <message>
        <source>Sign in to see credentials.</source>
        <translation>Sign in to see credentials.</translation>
    </message>
    <message>
        <source>Loading credentials...</source>
        <translation>Loading credentials...</translation>
    </message>
    <message>
        <source>The credentials could not be read</source>
        <translation>The credentials could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No credential matches</source>
        <translation>No credential matches</translation>
    </message>
    <message>
        <source>No credential of this type is visible to you.</source>
        <translation>No credential of this type is visible to you.</translation>
    </message>
    <message>
        <source>No credential you can see has &quot;%1&quot; in its name.</source>
        <translation>No credential you can see has &quot;%1&quot; in its name.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>No credentials yet</source>
        <translation>No credentials yet</translation>
    </message>
    <message>
        <source>A credential keeps a password, token or key that flows and services use to sign in elsewhere. It is stored encrypted; once saved, its secret is never shown again, only replaced.</source>
        <translation>A credential keeps a password, token or key that flows and services use to sign in elsewhere. It is stored encrypted; once saved, its secret is never shown again, only replaced.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n credential(s) shown</source>
        <translation>
            <numerusform>%1 of %n credential shown</numerusform>
            <numerusform>%1 of %n credentials shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Test credential</source>
        <translation>Test credential</translation>
    </message>
    <message>
        <source>Send one GET request with &quot;%1&quot; to this URL (2xx means it works):</source>
        <translation>Send one GET request with &quot;%1&quot; to this URL (2xx means it works):</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http or https URL.</source>
        <translation>&quot;%1&quot; is not an http or https URL.</translation>
    </message>
    <message>
        <source>Testing &quot;%1&quot;...</source>
        <translation>Testing &quot;%1&quot;...</translation>
    </message>
    <message>
        <source>&quot;%1&quot; could not be tested: %2</source>
        <translation>&quot;%1&quot; could not be tested: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; works (%2 ms): %3</source>
        <translation>&quot;%1&quot; works (%2 ms): %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was refused (%2 ms): %3</source>
        <translation>&quot;%1&quot; was refused (%2 ms): %3</translation>
    </message>
    <message>
        <source>Delete credential</source>
        <translation>Delete credential</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its secret is destroyed; whatever signs in with it stops working. This cannot be undone.</source>
        <translation>Delete &quot;%1&quot;? Its secret is destroyed; whatever signs in with it stops working. This cannot be undone.</translation>
    </message>
    <message>
        <source>The credential was not deleted: %1</source>
        <translation>The credential was not deleted: %1</translation>
    </message>
    <message>
        <source>• %1 (%2)</source>
        <translation>• %1 (%2)</translation>
    </message>
    <message>
        <source>Credential in use</source>
        <translation>Credential in use</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still used and was not deleted. Remove it from these first:
%2</source>
        <translation>&quot;%1&quot; is still used and was not deleted. Remove it from these first:
%2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardOverview</name>
    <message>
        <source>read the server&apos;s status</source>
        <translation>read the server&apos;s status</translation>
    </message>
    <message>
        <source>count the executions</source>
        <translation>count the executions</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Sign in to see the executions of the last 24 hours.</source>
        <translation>Sign in to see the executions of the last 24 hours.</translation>
    </message>
    <message>
        <source>No executions in the last 24 hours.</source>
        <translation>No executions in the last 24 hours.</translation>
    </message>
    <message numerus="yes">
        <source>%n executions in the last 24 hours</source>
        <translation>
            <numerusform>%n execution in the last 24 hours</numerusform>
            <numerusform>%n executions in the last 24 hours</numerusform>
        </translation>
    </message>
    <message>
        <source>list the failed executions</source>
        <translation>list the failed executions</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Open execution %1 in the viewer</source>
        <translation>Open execution %1 in the viewer</translation>
    </message>
    <message>
        <source>No failed executions. Good.</source>
        <translation>No failed executions. Good.</translation>
    </message>
    <message>
        <source>Click one to open it in the viewer.</source>
        <translation>Click one to open it in the viewer.</translation>
    </message>
    <message>
        <source>Server up %1 h %2 min</source>
        <translation>Server up %1 h %2 min</translation>
    </message>
    <message>
        <source>CPU %1 · Memory %2 · Disk %3</source>
        <translation>CPU %1 · Memory %2 · Disk %3</translation>
    </message>
    <message>
        <source>Network: %1/s sent, %2/s received</source>
        <translation>Network: %1/s sent, %2/s received</translation>
    </message>
    <message>
        <source>Waiting for the server&apos;s first status report…</source>
        <translation>Waiting for the server&apos;s first status report…</translation>
    </message>
    <message>
        <source>Sign in to follow the host&apos;s load live.</source>
        <translation>Sign in to follow the host&apos;s load live.</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>CPU, memory and disk (last 15 minutes)</source>
        <translation>CPU, memory and disk (last 15 minutes)</translation>
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
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Network (KiB/s)</source>
        <translation>Network (KiB/s)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Executions, last 24 hours</source>
        <translation>Executions, last 24 hours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Per hour</source>
        <translation>Per hour</translation>
    </message>
    <message>
        <source>Latest failed executions</source>
        <translation>Latest failed executions</translation>
    </message>
    <message>
        <source>Sign in to see failed executions.</source>
        <translation>Sign in to see failed executions.</translation>
    </message>
    <message>
        <source>Server up %1 d %2 h</source>
        <translation>Server up %1 d %2 h</translation>
    </message>
    <message>
        <source>Server up %1 min</source>
        <translation>Server up %1 min</translation>
    </message>
    <message>
        <source>Server up less than a minute</source>
        <translation>Server up less than a minute</translation>
    </message>
</context>
<context>
    <name>hm::app::DashboardPage</name>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>Server version</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API version</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Healthy</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Degraded</translation>
    </message>
    <message>
        <source>Unhealthy</source>
        <translation>Unhealthy</translation>
    </message>
    <message>
        <source>Open (encrypted)</source>
        <translation>Open (encrypted)</translation>
    </message>
    <message>
        <source>Unavailable</source>
        <translation>Unavailable</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>Starting the local server…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <source>Local — the server runs inside this console</source>
        <translation>Local — the server runs inside this console</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Shared — the server already running on this data directory</source>
        <translation>Shared — the server already running on this data directory</translation>
    </message>
    <message>
        <source>Remote — a server this console connects to</source>
        <translation>Remote — a server this console connects to</translation>
    </message>
</context>
<context>
    <name>hm::app::EndpointDialog</name>
    <message>
        <source>Add endpoint to %1</source>
        <translation>Add endpoint to %1</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Path:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>&amp;Query parameters:</source>
        <translation>&amp;Query parameters:</translation>
    </message>
    <message>
        <source>Request &amp;body schema:</source>
        <translation>Request &amp;body schema:</translation>
    </message>
    <message>
        <source>optional; default: method and path</source>
        <translation>optional; default: method and path</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>optional JSON Schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</source>
        <translation>optional JSON Schema, e.g. {&quot;type&quot;: &quot;object&quot;, &quot;properties&quot;: {...}}</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The body schema is not a JSON object: %1</source>
        <translation>The body schema is not a JSON object: %1</translation>
    </message>
    <message>
        <source>The endpoint was not added: %1</source>
        <translation>The endpoint was not added: %1</translation>
    </message>
    <message>
        <source>%1: each {placeholder} is a required path parameter</source>
        <translation>%1: each {placeholder} is a required path parameter</translation>
    </message>
    <message>
        <source>optional, e.g. %1</source>
        <translation>optional, e.g. %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a query parameter: write name:type with type one of %2.</source>
        <translation>&quot;%1&quot; is not a query parameter: write name:type with type one of %2.</translation>
    </message>
</context>
<context>
    <name>hm::app::EnrolNodeDialog</name>
    <message>
        <source>New enrolment secret</source>
        <translation>New enrolment secret</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>Enrol a node</translation>
    </message>
    <message>
        <source>A new secret for &quot;%1&quot;. Any earlier secret stops working; if an agent is enrolled, its key is revoked and it is disconnected until it enrols again with the new secret.</source>
        <translation>A new secret for &quot;%1&quot;. Any earlier secret stops working; if an agent is enrolled, its key is revoked and it is disconnected until it enrols again with the new secret.</translation>
    </message>
    <message>
        <source>Name the machine and choose labels to group it by. The next step shows the command that installs and enrols the HiveMind agent on it.</source>
        <translation>Name the machine and choose labels to group it by. The next step shows the command that installs and enrols the HiveMind agent on it.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Secret expires after:</source>
        <translation>Secret expires after:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Create secret</source>
        <translation>Create secret</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has a new enrolment secret.</source>
        <translation>&quot;%1&quot; has a new enrolment secret.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and waits for its agent.</source>
        <translation>&quot;%1&quot; was created and waits for its agent.</translation>
    </message>
    <message>
        <source>Run this command on the machine as %1:</source>
        <translation>Run this command on the machine as %1:</translation>
    </message>
    <message>
        <source>Copy command</source>
        <translation>Copy command</translation>
    </message>
    <message>
        <source>The secret works once, until %1.</source>
        <translation>The secret works once, until %1.</translation>
    </message>
    <message>
        <source>The secret is shown only this once: copy the command now. If it is lost, create a new enrolment secret.</source>
        <translation>The secret is shown only this once: copy the command now. If it is lost, create a new enrolment secret.</translation>
    </message>
    <message>
        <source>When the agent enrols it prints its key&apos;s fingerprint. Compare it with the fingerprint in this node&apos;s details before you trust the node.</source>
        <translation>When the agent enrols it prints its key&apos;s fingerprint. Compare it with the fingerprint in this node&apos;s details before you trust the node.</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s) if it still holds the command.</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second if it still holds the command.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds if it still holds the command.</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the agent to enrol…</source>
        <translation>Waiting for the agent to enrol…</translation>
    </message>
    <message>
        <source>The agent enrolled. Its key&apos;s fingerprint is %1: compare it with the one the agent printed. Waiting for it to connect…</source>
        <translation>The agent enrolled. Its key&apos;s fingerprint is %1: compare it with the one the agent printed. Waiting for it to connect…</translation>
    </message>
    <message>
        <source>The agent is connected and the node is online. Its key&apos;s fingerprint is %1.</source>
        <translation>The agent is connected and the node is online. Its key&apos;s fingerprint is %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent enrolled.</source>
        <translation>&quot;%1&quot; was created and its agent enrolled.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created and its agent is connected.</source>
        <translation>&quot;%1&quot; was created and its agent is connected.</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionGraphView</name>
    <message>
        <source>The ports of node “%1” are not known: %2</source>
        <translation>The ports of node “%1” are not known: %2</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionListModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Triggered by</source>
        <translation>Triggered by</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>…%1</source>
        <translation>…%1</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionLogModel</name>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>Watching the execution: %1, %n node(s) finished.</source>
        <translation>
            <numerusform>Watching the execution: %1, %n node finished.</numerusform>
            <numerusform>Watching the execution: %1, %n nodes finished.</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection to the server lost; reconnecting.</source>
        <translation>Connection to the server lost; reconnecting.</translation>
    </message>
    <message>
        <source>Connection to the server lost (%1); reconnecting.</source>
        <translation>Connection to the server lost (%1); reconnecting.</translation>
    </message>
    <message>
        <source>Reconnected; nothing happened meanwhile.</source>
        <translation>Reconnected; nothing happened meanwhile.</translation>
    </message>
    <message numerus="yes">
        <source>Reconnected; %n event(s) happened meanwhile, their result is shown.</source>
        <translation>
            <numerusform>Reconnected; %n event happened meanwhile, its result is shown.</numerusform>
            <numerusform>Reconnected; %n events happened meanwhile, their result is shown.</numerusform>
        </translation>
    </message>
    <message>
        <source>Execution queued.</source>
        <translation>Execution queued.</translation>
    </message>
    <message>
        <source>Execution started.</source>
        <translation>Execution started.</translation>
    </message>
    <message>
        <source>%1 started, attempt %2.</source>
        <translation>%1 started, attempt %2.</translation>
    </message>
    <message>
        <source>%1 started.</source>
        <translation>%1 started.</translation>
    </message>
    <message>
        <source>%1 completed in %2.</source>
        <translation>%1 completed in %2.</translation>
    </message>
    <message>
        <source>%1 completed.</source>
        <translation>%1 completed.</translation>
    </message>
    <message>
        <source>%1 failed on attempt %2 and will be retried: %3</source>
        <translation>%1 failed on attempt %2 and will be retried: %3</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 failed: %2</translation>
    </message>
    <message>
        <source>%1 skipped: a node it depends on failed.</source>
        <translation>%1 skipped: a node it depends on failed.</translation>
    </message>
    <message>
        <source>%1 skipped.</source>
        <translation>%1 skipped.</translation>
    </message>
    <message>
        <source>%1 cancelled.</source>
        <translation>%1 cancelled.</translation>
    </message>
    <message>
        <source>Execution completed in %1.</source>
        <translation>Execution completed in %1.</translation>
    </message>
    <message>
        <source>Execution completed.</source>
        <translation>Execution completed.</translation>
    </message>
    <message>
        <source>Execution failed.</source>
        <translation>Execution failed.</translation>
    </message>
    <message>
        <source>Execution failed: %1</source>
        <translation>Execution failed: %1</translation>
    </message>
    <message>
        <source>Execution killed.</source>
        <translation>Execution killed.</translation>
    </message>
    <message>
        <source>Execution cancelled.</source>
        <translation>Execution cancelled.</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionViewer</name>
    <message>
        <source>The flow&apos;s graph could not be read: %1</source>
        <translation>The flow&apos;s graph could not be read: %1</translation>
    </message>
    <message>
        <source>Cancel Execution</source>
        <translation>Cancel Execution</translation>
    </message>
    <message>
        <source>Cancel this execution of %1? Running nodes are asked to stop, and nodes that have not started will not run.</source>
        <translation>Cancel this execution of %1? Running nodes are asked to stop, and nodes that have not started will not run.</translation>
    </message>
    <message>
        <source>The execution could not be cancelled: %1</source>
        <translation>The execution could not be cancelled: %1</translation>
    </message>
    <message>
        <source>Kill Execution</source>
        <translation>Kill Execution</translation>
    </message>
    <message>
        <source>Kill this execution of %1 now? Running nodes are abandoned at once, without waiting for them to stop; what they were doing may be left half done.</source>
        <translation>Kill this execution of %1 now? Running nodes are abandoned at once, without waiting for them to stop; what they were doing may be left half done.</translation>
    </message>
    <message>
        <source>The execution could not be killed: %1</source>
        <translation>The execution could not be killed: %1</translation>
    </message>
    <message>
        <source>The execution could not be re-run: %1</source>
        <translation>The execution could not be re-run: %1</translation>
    </message>
    <message>
        <source>Execution</source>
        <translation>Execution</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Execution %1</translation>
    </message>
    <message>
        <source>Waiting in the queue, position %1</source>
        <translation>Waiting in the queue, position %1</translation>
    </message>
    <message>
        <source>Waiting in the queue</source>
        <translation>Waiting in the queue</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Started %1</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>Not started yet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Took %1</source>
        <translation>Took %1</translation>
    </message>
    <message>
        <source>Elapsed %1 · about %2 left</source>
        <translation>Elapsed %1 · about %2 left</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Elapsed %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) finished</source>
        <translation>
            <numerusform>%1 of %n node finished</numerusform>
            <numerusform>%1 of %n nodes finished</numerusform>
        </translation>
    </message>
    <message>
        <source>From the Start (Version %1)</source>
        <translation>From the Start (Version %1)</translation>
    </message>
    <message>
        <source>From the Failed Node (Version %1)</source>
        <translation>From the Failed Node (Version %1)</translation>
    </message>
    <message>
        <source>From the Start on Newest Version %1</source>
        <translation>From the Start on Newest Version %1</translation>
    </message>
    <message>
        <source>From the Failed Node on Newest Version %1</source>
        <translation>From the Failed Node on Newest Version %1</translation>
    </message>
    <message>
        <source>The execution has ended.</source>
        <translation>The execution has ended.</translation>
    </message>
    <message>
        <source>Ask the running nodes to stop, then end the execution.</source>
        <translation>Ask the running nodes to stop, then end the execution.</translation>
    </message>
    <message>
        <source>End the execution at once, without waiting for nodes.</source>
        <translation>End the execution at once, without waiting for nodes.</translation>
    </message>
    <message>
        <source>Run this flow again with the same trigger input.</source>
        <translation>Run this flow again with the same trigger input.</translation>
    </message>
    <message>
        <source>An execution can be re-run once it has ended.</source>
        <translation>An execution can be re-run once it has ended.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <source>Connection lost, reconnecting…</source>
        <translation>Connection lost, reconnecting…</translation>
    </message>
    <message>
        <source>The execution cannot be shown: %1</source>
        <translation>The execution cannot be shown: %1</translation>
    </message>
    <message>
        <source>‹ Executions</source>
        <translation>‹ Executions</translation>
    </message>
    <message>
        <source>Back to the list of executions (%1)</source>
        <translation>Back to the list of executions (%1)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Kill</translation>
    </message>
    <message>
        <source>Re-run</source>
        <translation>Re-run</translation>
    </message>
    <message>
        <source>Execution Log</source>
        <translation>Execution Log</translation>
    </message>
    <message>
        <source>Filter the log</source>
        <translation>Filter the log</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>All lines</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Keep the newest lines in view</source>
        <translation>Keep the newest lines in view</translation>
    </message>
    <message>
        <source>Keep Running</source>
        <translation>Keep Running</translation>
    </message>
</context>
<context>
    <name>hm::app::ExecutionsPage</name>
    <message numerus="yes">
        <source>%n execution(s)</source>
        <translation>
            <numerusform>%n execution</numerusform>
            <numerusform>%n executions</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to a server</source>
        <translation>Not connected to a server</translation>
    </message>
    <message>
        <source>The executions appear here once the console is connected to a server and signed in.</source>
        <translation>The executions appear here once the console is connected to a server and signed in.</translation>
    </message>
    <message>
        <source>Loading executions…</source>
        <translation>Loading executions…</translation>
    </message>
    <message>
        <source>The executions could not be loaded</source>
        <translation>The executions could not be loaded</translation>
    </message>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <source>Error code %1</source>
        <translation>Error code %1</translation>
    </message>
    <message>
        <source>Error code %1, request %2</source>
        <translation>Error code %1, request %2</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No executions yet</source>
        <translation>No executions yet</translation>
    </message>
    <message>
        <source>Every run of a flow appears here as it happens, with its status, its timeline and its log. Run a flow to see the first one.</source>
        <translation>Every run of a flow appears here as it happens, with its status, its timeline and its log. Run a flow to see the first one.</translation>
    </message>
    <message>
        <source>Go to Flows</source>
        <translation>Go to Flows</translation>
    </message>
    <message>
        <source>No executions match these filters</source>
        <translation>No executions match these filters</translation>
    </message>
    <message>
        <source>Change the flow, status or time range, or clear the filters.</source>
        <translation>Change the flow, status or time range, or clear the filters.</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Clear Filters</translation>
    </message>
    <message>
        <source>Executions</source>
        <translation>Executions</translation>
    </message>
    <message>
        <source>Every run of every flow you may see, newest first, updated live.</source>
        <translation>Every run of every flow you may see, newest first, updated live.</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>All flows</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>Read the list again (%1)</translation>
    </message>
</context>
<context>
    <name>hm::app::FleetCard</name>
    <message>
        <source>Fleet</source>
        <translation>Fleet</translation>
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
        <source>Pending enrolment</source>
        <translation>Pending enrolment</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Busiest CPU</source>
        <translation>Busiest CPU</translation>
    </message>
    <message>
        <source>Most memory used</source>
        <translation>Most memory used</translation>
    </message>
    <message>
        <source>Fullest disk</source>
        <translation>Fullest disk</translation>
    </message>
    <message>
        <source>Most traffic</source>
        <translation>Most traffic</translation>
    </message>
    <message>
        <source>Sign in to see the fleet.</source>
        <translation>Sign in to see the fleet.</translation>
    </message>
    <message>
        <source>The fleet could not be read: %1</source>
        <translation>The fleet could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the fleet…</source>
        <translation>Reading the fleet…</translation>
    </message>
    <message>
        <source>No nodes yet. Enrol a machine in the Nodes section to watch it here.</source>
        <translation>No nodes yet. Enrol a machine in the Nodes section to watch it here.</translation>
    </message>
    <message>
        <source>No node is online.</source>
        <translation>No node is online.</translation>
    </message>
    <message numerus="yes">
        <source>%n of the online nodes reported since the server started.</source>
        <translation>
            <numerusform>%n of the online nodes reported since the server started.</numerusform>
            <numerusform>%n of the online nodes reported since the server started.</numerusform>
        </translation>
    </message>
    <message>
        <source>Averages over the online nodes: CPU %1 · Memory %2 · Disk %3</source>
        <translation>Averages over the online nodes: CPU %1 · Memory %2 · Disk %3</translation>
    </message>
    <message>
        <source> · Load %1</source>
        <translation> · Load %1</translation>
    </message>
    <message>
        <source>Network: %1/s in, %2/s out</source>
        <translation>Network: %1/s in, %2/s out</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>None reported</source>
        <translation>None reported</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowCanvasStyle</name>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorPage</name>
    <message>
        <source>Version %1 of this flow was saved in another console. Saving your changes will ask whether to reload it or to save yours after it.</source>
        <translation>Version %1 of this flow was saved in another console. Saving your changes will ask whether to reload it or to save yours after it.</translation>
    </message>
    <message>
        <source>Version %1 of this flow was saved in another console. Reload it from the list to see it.</source>
        <translation>Version %1 of this flow was saved in another console. Reload it from the list to see it.</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>Restore Unsaved Changes</translation>
    </message>
    <message>
        <source>“%1” has changes from %2 that were never saved. Restore them?</source>
        <translation>“%1” has changes from %2 that were never saved. Restore them?</translation>
    </message>
    <message>
        <source>The autosaved changes cannot be opened: %1</source>
        <translation>The autosaved changes cannot be opened: %1</translation>
    </message>
    <message>
        <source>Restored the changes autosaved at %1. Save them to keep them.</source>
        <translation>Restored the changes autosaved at %1. Save them to keep them.</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Unsaved Changes</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them as a new version before leaving?</source>
        <translation>“%1” has changes that are not saved. Save them as a new version before leaving?</translation>
    </message>
    <message>
        <source>Saved as version %1 (draft).</source>
        <translation>Saved as version %1 (draft).</translation>
    </message>
    <message>
        <source>Newer Version on the Server</source>
        <translation>Newer Version on the Server</translation>
    </message>
    <message>
        <source>Someone saved a newer version of “%1” since you opened version %2.</source>
        <translation>Someone saved a newer version of “%1” since you opened version %2.</translation>
    </message>
    <message>
        <source>Reload shows the newer version and discards your changes. Save as New Version keeps your changes as the version after theirs.</source>
        <translation>Reload shows the newer version and discards your changes. Save as New Version keeps your changes as the version after theirs.</translation>
    </message>
    <message>
        <source>Save as &amp;New Version</source>
        <translation>Save as &amp;New Version</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Version %1 is published: runs and the webhook now use it.</source>
        <translation>Version %1 is published: runs and the webhook now use it.</translation>
    </message>
    <message>
        <source>Your unsaved changes are not part of any version: save them first to run them.</source>
        <translation>Your unsaved changes are not part of any version: save them first to run them.</translation>
    </message>
    <message>
        <source>Execution %1 started (version %2).</source>
        <translation>Execution %1 started (version %2).</translation>
    </message>
    <message>
        <source>Execution %1 is queued at position %2: the flow allows only so many at a time.</source>
        <translation>Execution %1 is queued at position %2: the flow allows only so many at a time.</translation>
    </message>
    <message>
        <source>Not started: the flow is already running (%1) and its settings allow only one execution at a time.</source>
        <translation>Not started: the flow is already running (%1) and its settings allow only one execution at a time.</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>Export Flow</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind flows (*.json)</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>Your role (viewer) can look at flows but not change them.</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; changing it needs edit permission.</source>
        <translation>This flow is shared with you to view and run; changing it needs edit permission.</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>Your role (viewer) cannot run flows.</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>Only the owner and people it is shared with as admin can share this flow.</translation>
    </message>
    <message>
        <source>Save the changes as a new draft version</source>
        <translation>Save the changes as a new draft version</translation>
    </message>
    <message>
        <source>No unsaved changes</source>
        <translation>No unsaved changes</translation>
    </message>
    <message>
        <source>Publish the latest version (unsaved changes are saved first)</source>
        <translation>Publish the latest version (unsaved changes are saved first)</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>Start an execution with inputs you enter</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>Choose who else sees, edits or shares the flow</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>The URL that starts the flow without signing in</translation>
    </message>
    <message>
        <source>Save the flow to a JSON file</source>
        <translation>Save the flow to a JSON file</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Published · version %1</source>
        <translation>Published · version %1</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>Draft · version %1</translation>
    </message>
    <message>
        <source>%1 · unsaved changes</source>
        <translation>%1 · unsaved changes</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Publishing…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>← Flows</source>
        <translation>← Flows</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Run…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>S&amp;hare…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>&amp;Webhook…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Back to the list of flows</source>
        <translation>Back to the list of flows</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <source>Opening the flow…</source>
        <translation>Opening the flow…</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Try Again</translation>
    </message>
    <message>
        <source>Restore Version</source>
        <translation>Restore Version</translation>
    </message>
    <message>
        <source>Restoring version %1 replaces your unsaved changes to “%2”. Restore it anyway?</source>
        <translation>Restoring version %1 replaces your unsaved changes to “%2”. Restore it anyway?</translation>
    </message>
    <message>
        <source>Version %1 restored as version %2 (draft).</source>
        <translation>Version %1 restored as version %2 (draft).</translation>
    </message>
    <message>
        <source>Reading the versions…</source>
        <translation>Reading the versions…</translation>
    </message>
    <message numerus="yes">
        <source>%n version(s). Select one to open it, or two to compare them.</source>
        <translation>
            <numerusform>%n version. Select one to open it, or two to compare them.</numerusform>
            <numerusform>%n versions. Select one to open it, or two to compare them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>&amp;Open Read-Only</source>
        <translation>&amp;Open Read-Only</translation>
    </message>
    <message>
        <source>Show the selected version without changing the draft</source>
        <translation>Show the selected version without changing the draft</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <source>Compare two selected versions, or one version with the draft on the canvas</source>
        <translation>Compare two selected versions, or one version with the draft on the canvas</translation>
    </message>
    <message numerus="yes">
        <source>Saved as version %1 (draft) with %n problem(s): fix them before publishing or running it.</source>
        <translation>
            <numerusform>Saved as version %1 (draft) with %n problem: fix it before publishing or running it.</numerusform>
            <numerusform>Saved as version %1 (draft) with %n problems: fix them before publishing or running it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Version %1 was not published: it has %n problem(s). Fix them (see Problems), save, then publish.</source>
        <translation>
            <numerusform>Version %1 was not published: it has %n problem. Fix it (see Problems), save, then publish.</numerusform>
            <numerusform>Version %1 was not published: it has %n problems. Fix them (see Problems), save, then publish.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowEditorWidget</name>
    <message numerus="yes">
        <source>Arranged %n node(s) with %1.</source>
        <translation>
            <numerusform>Arranged %n node with %1.</numerusform>
            <numerusform>Arranged %n nodes with %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>Redo: %1</translation>
    </message>
    <message>
        <source>Cut</source>
        <translation>Cut</translation>
    </message>
    <message>
        <source>Cut the selected nodes</source>
        <translation>Cut the selected nodes</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy the selected nodes</source>
        <translation>Copy the selected nodes</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Paste nodes from the clipboard</source>
        <translation>Paste nodes from the clipboard</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Duplicate the selected nodes</source>
        <translation>Duplicate the selected nodes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected nodes and connections</source>
        <translation>Delete the selected nodes and connections</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
    <message>
        <source>Select all nodes</source>
        <translation>Select all nodes</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>Add Node…</translation>
    </message>
    <message>
        <source>Search for a component and add it at the pointer</source>
        <translation>Search for a component and add it at the pointer</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>Zoom In</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>Zoom Out</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole flow</source>
        <translation>Show the whole flow</translation>
    </message>
    <message>
        <source>Zoom to Selection</source>
        <translation>Zoom to Selection</translation>
    </message>
    <message>
        <source>Show the selected nodes</source>
        <translation>Show the selected nodes</translation>
    </message>
    <message>
        <source>Snap to Grid</source>
        <translation>Snap to Grid</translation>
    </message>
    <message>
        <source>Align moved and added nodes to the grid</source>
        <translation>Align moved and added nodes to the grid</translation>
    </message>
    <message>
        <source>Auto-Layout</source>
        <translation>Auto-Layout</translation>
    </message>
    <message>
        <source>Arrange all nodes from left to right</source>
        <translation>Arrange all nodes from left to right</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Flow editor</source>
        <translation>Flow editor</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>Show or hide the inspector</source>
        <translation>Show or hide the inspector</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Show or hide the list of problems</source>
        <translation>Show or hide the list of problems</translation>
    </message>
    <message>
        <source>Selection</source>
        <comment>toolbar: short for Zoom to Selection</comment>
        <translation>Selection</translation>
    </message>
    <message>
        <source>Snap</source>
        <comment>toolbar: short for Snap to Grid</comment>
        <translation>Snap</translation>
    </message>
    <message numerus="yes">
        <source>Arranging %n node(s)…</source>
        <translation>
            <numerusform>Arranging %n node…</numerusform>
            <numerusform>Arranging %n nodes…</numerusform>
        </translation>
    </message>
    <message>
        <source>The flow changed while it was being arranged: nothing was moved.</source>
        <translation>The flow changed while it was being arranged: nothing was moved.</translation>
    </message>
    <message>
        <source>Minimap</source>
        <translation>Minimap</translation>
    </message>
    <message>
        <source>Show or hide the overview of the whole flow in the canvas&apos;s corner</source>
        <translation>Show or hide the overview of the whole flow in the canvas&apos;s corner</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowFragment</name>
    <message>
        <source>The pasted text is not flow nodes: %1 at character %2.</source>
        <translation>The pasted text is not flow nodes: %1 at character %2.</translation>
    </message>
    <message>
        <source>The pasted text is not flow nodes: it has no list of nodes.</source>
        <translation>The pasted text is not flow nodes: it has no list of nodes.</translation>
    </message>
    <message>
        <source>The pasted nodes are not valid: %1</source>
        <translation>The pasted nodes are not valid: %1</translation>
    </message>
    <message>
        <source>The pasted nodes use the id &quot;%1&quot; twice.</source>
        <translation>The pasted nodes use the id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The pasted text holds no nodes.</source>
        <translation>The pasted text holds no nodes.</translation>
    </message>
    <message>
        <source>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</source>
        <translation>A pasted connection refers to the node &quot;%1&quot;, which is not pasted.</translation>
    </message>
    <message>
        <source>The pasted connections form a cycle.</source>
        <translation>The pasted connections form a cycle.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowGraphModel</name>
    <message>
        <source>The flow definition cannot be opened: %1</source>
        <translation>The flow definition cannot be opened: %1</translation>
    </message>
    <message>
        <source>The flow settings are not valid: %1</source>
        <translation>The flow settings are not valid: %1</translation>
    </message>
    <message>
        <source>The flow definition uses the node id &quot;%1&quot; twice.</source>
        <translation>The flow definition uses the node id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The flow definition uses the edge id &quot;%1&quot; twice.</source>
        <translation>The flow definition uses the edge id &quot;%1&quot; twice.</translation>
    </message>
    <message>
        <source>The flow definition cannot be opened: the text is not an object.</source>
        <translation>The flow definition cannot be opened: the text is not an object.</translation>
    </message>
    <message>
        <source>There is no node &quot;%1&quot;.</source>
        <translation>There is no node &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A node cannot be connected to itself.</source>
        <translation>A node cannot be connected to itself.</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no output &quot;%2&quot;.</source>
        <translation>Node &quot;%1&quot; has no output &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Node &quot;%1&quot; has no input &quot;%2&quot;.</source>
        <translation>Node &quot;%1&quot; has no input &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</source>
        <translation>Output &quot;%1&quot; gives %2, but input &quot;%3&quot; takes %4.</translation>
    </message>
    <message>
        <source>These ports are already connected.</source>
        <translation>These ports are already connected.</translation>
    </message>
    <message>
        <source>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</source>
        <translation>Input &quot;%1&quot; of node &quot;%2&quot; is already fed by node &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>This connection would create a cycle: %1</source>
        <translation>This connection would create a cycle: %1</translation>
    </message>
    <message>
        <source>A node needs a component.</source>
        <translation>A node needs a component.</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Add node</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Apply layout</source>
        <translation>Apply layout</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>There is no connection &quot;%1&quot;.</source>
        <translation>There is no connection &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Change configuration</source>
        <translation>Change configuration</translation>
    </message>
    <message>
        <source>Change input mappings</source>
        <translation>Change input mappings</translation>
    </message>
    <message>
        <source>An input mapping needs an input name.</source>
        <translation>An input mapping needs an input name.</translation>
    </message>
    <message>
        <source>Change flow settings</source>
        <translation>Change flow settings</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>This flow is open read-only: it cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowItems</name>
    <message>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, required)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The component %1 is not known to the server.</source>
        <translation>The component %1 is not known to the server.</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1.</source>
        <translation>The server has no version %2 of %1.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowLayout</name>
    <message>
        <source>built-in layered layout</source>
        <translation>built-in layered layout</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowListModel</name>
    <message>
        <source>Published · version %1</source>
        <translation>Published · version %1</translation>
    </message>
    <message>
        <source>Draft · version %1 (version %2 published)</source>
        <translation>Draft · version %1 (version %2 published)</translation>
    </message>
    <message>
        <source>Draft · version %1</source>
        <translation>Draft · version %1</translation>
    </message>
    <message>
        <source>Never run</source>
        <translation>Never run</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Execution %1</source>
        <translation>Execution %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last execution</source>
        <translation>Last execution</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowMinimap</name>
    <message>
        <source>Overview: click to move there</source>
        <translation>Overview: click to move there</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowNameDialog</name>
    <message>
        <source>Enter a name: a flow cannot be saved without one.</source>
        <translation>Enter a name: a flow cannot be saved without one.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowRetentionDialog</name>
    <message>
        <source>Saved. The next retention pass applies it.</source>
        <translation>Saved. The next retention pass applies it.</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n execution(s)</source>
        <translation>
            <numerusform>%n execution</numerusform>
            <numerusform>%n executions</numerusform>
        </translation>
    </message>
    <message>
        <source>Applies: the server&apos;s setting (Settings › Retention).</source>
        <translation>Applies: the server&apos;s setting (Settings › Retention).</translation>
    </message>
    <message>
        <source>Applies: %1, the server&apos;s setting (Settings › Retention).</source>
        <translation>Applies: %1, the server&apos;s setting (Settings › Retention).</translation>
    </message>
    <message>
        <source>Applies: %1, this flow&apos;s own setting.</source>
        <translation>Applies: %1, this flow&apos;s own setting.</translation>
    </message>
    <message>
        <source>History Retention of “%1”</source>
        <translation>History Retention of “%1”</translation>
    </message>
    <message>
        <source>How long the server keeps the ended executions of this flow, and how many. Running and queued executions are never removed.</source>
        <translation>How long the server keeps the ended executions of this flow, and how many. Running and queued executions are never removed.</translation>
    </message>
    <message>
        <source>Keep &amp;for:</source>
        <translation>Keep &amp;for:</translation>
    </message>
    <message>
        <source>Keep at &amp;most:</source>
        <translation>Keep at &amp;most:</translation>
    </message>
    <message>
        <source>The server&apos;s setting</source>
        <translation>The server&apos;s setting</translation>
    </message>
    <message>
        <source>Days of its own</source>
        <translation>Days of its own</translation>
    </message>
    <message>
        <source>A number of its own</source>
        <translation>A number of its own</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source> executions</source>
        <translation> executions</translation>
    </message>
    <message>
        <source>Changing it needs edit permission on the flow.</source>
        <translation>Changing it needs edit permission on the flow.</translation>
    </message>
    <message>
        <source>Use the Server&apos;s Settings</source>
        <translation>Use the Server&apos;s Settings</translation>
    </message>
    <message>
        <source>Both limits follow Settings › Retention again (after Save).</source>
        <translation>Both limits follow Settings › Retention again (after Save).</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowVersionViewer</name>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1: added %2</source>
        <translation>%1: added %2</translation>
    </message>
    <message>
        <source>%1: removed (was %2)</source>
        <translation>%1: removed (was %2)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>+ %1: node added (%2)</source>
        <translation>+ %1: node added (%2)</translation>
    </message>
    <message>
        <source>− %1: node removed (%2)</source>
        <translation>− %1: node removed (%2)</translation>
    </message>
    <message>
        <source>component</source>
        <translation>component</translation>
    </message>
    <message>
        <source>config</source>
        <translation>config</translation>
    </message>
    <message>
        <source>input mappings</source>
        <translation>input mappings</translation>
    </message>
    <message>
        <source>other fields</source>
        <translation>other fields</translation>
    </message>
    <message>
        <source>position</source>
        <translation>position</translation>
    </message>
    <message>
        <source>%1: moved</source>
        <translation>%1: moved</translation>
    </message>
    <message>
        <source>~ %1: %2 changed</source>
        <translation>~ %1: %2 changed</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>config · %1</source>
        <translation>config · %1</translation>
    </message>
    <message>
        <source>input · %1</source>
        <translation>input · %1</translation>
    </message>
    <message>
        <source>+ connection %1 → %2 added</source>
        <translation>+ connection %1 → %2 added</translation>
    </message>
    <message>
        <source>− connection %1 → %2 removed</source>
        <translation>− connection %1 → %2 removed</translation>
    </message>
    <message>
        <source>~ flow settings changed</source>
        <translation>~ flow settings changed</translation>
    </message>
    <message>
        <source>~ definition · %1</source>
        <translation>~ definition · %1</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <source>&amp;Restore as Draft</source>
        <translation>&amp;Restore as Draft</translation>
    </message>
    <message>
        <source>Save this version&apos;s content as a new draft version after the latest one</source>
        <translation>Save this version&apos;s content as a new draft version after the latest one</translation>
    </message>
    <message>
        <source>&amp;Back to the Draft</source>
        <translation>&amp;Back to the Draft</translation>
    </message>
    <message>
        <source>Close this view and go back to editing</source>
        <translation>Close this view and go back to editing</translation>
    </message>
    <message>
        <source>You may look at this flow but not change it.</source>
        <translation>You may look at this flow but not change it.</translation>
    </message>
    <message>
        <source>Version %1 of “%2”, saved by %3 on %4. Read-only: restore it as a draft to edit it.</source>
        <translation>Version %1 of “%2”, saved by %3 on %4. Read-only: restore it as a draft to edit it.</translation>
    </message>
    <message>
        <source>your draft</source>
        <translation>your draft</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>Changes from %1 to %2. Read-only.</source>
        <translation>Changes from %1 to %2. Read-only.</translation>
    </message>
    <message numerus="yes">
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n changed</numerusform>
            <numerusform>%n changed</numerusform>
        </translation>
    </message>
    <message>
        <source>Connections: %1 added, %2 removed. Settings: %3 changed.</source>
        <translation>Connections: %1 added, %2 removed. Settings: %3 changed.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowVersionsModel</name>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>● Published</source>
        <translation>● Published</translation>
    </message>
    <message>
        <source>Deprecated</source>
        <translation>Deprecated</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Published on %1: runs and the webhook use this version.</source>
        <translation>Published on %1: runs and the webhook use this version.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowView</name>
    <message>
        <source>Select the nodes to zoom to first.</source>
        <translation>Select the nodes to zoom to first.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Select the nodes to copy first.</source>
        <translation>Select the nodes to copy first.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n node(s).</source>
        <translation>
            <numerusform>Copied %n node.</numerusform>
            <numerusform>Copied %n nodes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the nodes to cut first.</source>
        <translation>Select the nodes to cut first.</translation>
    </message>
    <message>
        <source>The clipboard holds no nodes.</source>
        <translation>The clipboard holds no nodes.</translation>
    </message>
    <message>
        <source>Select the nodes to duplicate first.</source>
        <translation>Select the nodes to duplicate first.</translation>
    </message>
    <message numerus="yes">
        <source>Pasted %n node(s).</source>
        <translation>
            <numerusform>Pasted %n node.</numerusform>
            <numerusform>Pasted %n nodes.</numerusform>
        </translation>
    </message>
    <message>
        <source>No components are known yet: connect to a server first.</source>
        <translation>No components are known yet: connect to a server first.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>This flow has no nodes yet</source>
        <translation>This flow has no nodes yet</translation>
    </message>
    <message>
        <source>Drag a component from the palette, or press %1 or start typing to add one here.</source>
        <translation>Drag a component from the palette, or press %1 or start typing to add one here.</translation>
    </message>
    <message>
        <source>This flow is open read-only: it cannot be changed here.</source>
        <translation>This flow is open read-only: it cannot be changed here.</translation>
    </message>
</context>
<context>
    <name>hm::app::FlowsPage</name>
    <message>
        <source>More flows could not be loaded: %1</source>
        <translation>More flows could not be loaded: %1</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>Restore Unsaved Changes</translation>
    </message>
    <message>
        <source>The console closed before your changes to “%1” (autosaved %2) were saved. Open the flow with them now? Discard deletes them; Cancel keeps them for when you next open the flow.</source>
        <translation>The console closed before your changes to “%1” (autosaved %2) were saved. Open the flow with them now? Discard deletes them; Cancel keeps them for when you next open the flow.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connecting to the server…</source>
        <translation>Connecting to the server…</translation>
    </message>
    <message>
        <source>Loading flows…</source>
        <translation>Loading flows…</translation>
    </message>
    <message>
        <source>The flows cannot be shown</source>
        <translation>The flows cannot be shown</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Try Again</translation>
    </message>
    <message>
        <source>%1: %2 (request %3)</source>
        <translation>%1: %2 (request %3)</translation>
    </message>
    <message>
        <source>No flows match</source>
        <translation>No flows match</translation>
    </message>
    <message>
        <source>No flow you can see has “%1” in its name.</source>
        <translation>No flow you can see has “%1” in its name.</translation>
    </message>
    <message>
        <source>You have not created any flows yet.</source>
        <translation>You have not created any flows yet.</translation>
    </message>
    <message>
        <source>Nobody has shared a flow with you yet.</source>
        <translation>Nobody has shared a flow with you yet.</translation>
    </message>
    <message>
        <source>Show &amp;All Flows</source>
        <translation>Show &amp;All Flows</translation>
    </message>
    <message>
        <source>No flows yet</source>
        <translation>No flows yet</translation>
    </message>
    <message>
        <source>A flow is a graph of components that the server runs step by step each time it is triggered. Create one, or import a flow file.</source>
        <translation>A flow is a graph of components that the server runs step by step each time it is triggered. Create one, or import a flow file.</translation>
    </message>
    <message>
        <source>&amp;New Flow</source>
        <translation>&amp;New Flow</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n flow(s) shown</source>
        <translation>
            <numerusform>%1 of %n flow shown</numerusform>
            <numerusform>%1 of %n flows shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flow(s)</source>
        <translation>
            <numerusform>%n flow</numerusform>
            <numerusform>%n flows</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role (viewer) can look at flows but not change them.</source>
        <translation>Your role (viewer) can look at flows but not change them.</translation>
    </message>
    <message>
        <source>Select a flow first.</source>
        <translation>Select a flow first.</translation>
    </message>
    <message>
        <source>Create an empty flow and open it</source>
        <translation>Create an empty flow and open it</translation>
    </message>
    <message>
        <source>Create a flow from a JSON file</source>
        <translation>Create a flow from a JSON file</translation>
    </message>
    <message>
        <source>Open the flow in the editor (double-clicking a row does the same)</source>
        <translation>Open the flow in the editor (double-clicking a row does the same)</translation>
    </message>
    <message>
        <source>Your role (viewer) cannot run flows.</source>
        <translation>Your role (viewer) cannot run flows.</translation>
    </message>
    <message>
        <source>Start an execution with inputs you enter</source>
        <translation>Start an execution with inputs you enter</translation>
    </message>
    <message>
        <source>This flow is shared with you to view and run; renaming it needs edit permission.</source>
        <translation>This flow is shared with you to view and run; renaming it needs edit permission.</translation>
    </message>
    <message>
        <source>Give the flow another name</source>
        <translation>Give the flow another name</translation>
    </message>
    <message>
        <source>Create a copy of the flow&apos;s latest version under a new name</source>
        <translation>Create a copy of the flow&apos;s latest version under a new name</translation>
    </message>
    <message>
        <source>Only the flow&apos;s owner (or an administrator) can delete it.</source>
        <translation>Only the flow&apos;s owner (or an administrator) can delete it.</translation>
    </message>
    <message>
        <source>Delete the flow with its versions, shares and webhook</source>
        <translation>Delete the flow with its versions, shares and webhook</translation>
    </message>
    <message>
        <source>Only the owner and people it is shared with as admin can share this flow.</source>
        <translation>Only the owner and people it is shared with as admin can share this flow.</translation>
    </message>
    <message>
        <source>Choose who else sees, edits or shares the flow</source>
        <translation>Choose who else sees, edits or shares the flow</translation>
    </message>
    <message>
        <source>The webhook of a flow needs edit permission on it.</source>
        <translation>The webhook of a flow needs edit permission on it.</translation>
    </message>
    <message>
        <source>The URL that starts the flow without signing in</source>
        <translation>The URL that starts the flow without signing in</translation>
    </message>
    <message>
        <source>Save the flow&apos;s latest version to a JSON file</source>
        <translation>Save the flow&apos;s latest version to a JSON file</translation>
    </message>
    <message>
        <source>Read the list from the server again</source>
        <translation>Read the list from the server again</translation>
    </message>
    <message>
        <source>Search the flows by name</source>
        <translation>Search the flows by name</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>“%1” was not created. %2</source>
        <translation>“%1” was not created. %2</translation>
    </message>
    <message>
        <source>New Flow</source>
        <translation>New Flow</translation>
    </message>
    <message>
        <source>Name of the new flow:</source>
        <translation>Name of the new flow:</translation>
    </message>
    <message>
        <source>Created “%1”.</source>
        <translation>Created “%1”.</translation>
    </message>
    <message>
        <source>Import Flow</source>
        <translation>Import Flow</translation>
    </message>
    <message>
        <source>HiveMind flows (*.json)</source>
        <translation>HiveMind flows (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>%1 cannot be imported.

%2</source>
        <translation>%1 cannot be imported.

%2</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
    <message>
        <source>Name of the imported flow:</source>
        <translation>Name of the imported flow:</translation>
    </message>
    <message>
        <source>Imported “%1” as a new flow.</source>
        <translation>Imported “%1” as a new flow.</translation>
    </message>
    <message>
        <source>Rename Flow</source>
        <translation>Rename Flow</translation>
    </message>
    <message>
        <source>New name of “%1”:</source>
        <translation>New name of “%1”:</translation>
    </message>
    <message>
        <source>Renamed “%1” to “%2”.</source>
        <translation>Renamed “%1” to “%2”.</translation>
    </message>
    <message>
        <source>“%1” was not renamed. %2</source>
        <translation>“%1” was not renamed. %2</translation>
    </message>
    <message>
        <source>Duplicate Flow</source>
        <translation>Duplicate Flow</translation>
    </message>
    <message>
        <source>Name of the copy of “%1”:</source>
        <translation>Name of the copy of “%1”:</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (copy)</translation>
    </message>
    <message>
        <source>Created “%1” as a copy.</source>
        <translation>Created “%1” as a copy.</translation>
    </message>
    <message>
        <source>Delete Flow</source>
        <translation>Delete Flow</translation>
    </message>
    <message>
        <source>Delete “%1”? Its versions, its webhook and its shares are deleted with it; the history of its executions stays.</source>
        <translation>Delete “%1”? Its versions, its webhook and its shares are deleted with it; the history of its executions stays.</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>Deleted “%1”.</translation>
    </message>
    <message>
        <source>“%1” was not deleted. %2</source>
        <translation>“%1” was not deleted. %2</translation>
    </message>
    <message>
        <source>Export Flow</source>
        <translation>Export Flow</translation>
    </message>
    <message>
        <source>Exported “%1” (version %2) to %3.</source>
        <translation>Exported “%1” (version %2) to %3.</translation>
    </message>
    <message>
        <source>“%1” did not start. %2</source>
        <translation>“%1” did not start. %2</translation>
    </message>
    <message>
        <source>“%1” did not start: it is already running and its settings allow only one execution at a time.</source>
        <translation>“%1” did not start: it is already running and its settings allow only one execution at a time.</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” is queued at position %3.</source>
        <translation>Execution %1 of “%2” is queued at position %3.</translation>
    </message>
    <message>
        <source>Execution %1 of “%2” started.</source>
        <translation>Execution %1 of “%2” started.</translation>
    </message>
    <message>
        <source>&amp;New Flow…</source>
        <translation>&amp;New Flow…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Run…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;uplicate…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <source>S&amp;hare…</source>
        <translation>S&amp;hare…</translation>
    </message>
    <message>
        <source>&amp;Webhook…</source>
        <translation>&amp;Webhook…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>&amp;Find Flow</source>
        <translation>&amp;Find Flow</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Workflows you design as graphs of components, with their versions, runs and sharing.</source>
        <translation>Workflows you design as graphs of components, with their versions, runs and sharing.</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>All flows</source>
        <translation>All flows</translation>
    </message>
    <message>
        <source>My flows</source>
        <translation>My flows</translation>
    </message>
    <message>
        <source>Shared with me</source>
        <translation>Shared with me</translation>
    </message>
    <message>
        <source>How long and how many of its ended executions are kept</source>
        <translation>How long and how many of its ended executions are kept</translation>
    </message>
    <message>
        <source>History Re&amp;tention…</source>
        <translation>History Re&amp;tention…</translation>
    </message>
    <message>
        <source>Fl&amp;ow</source>
        <translation>Fl&amp;ow</translation>
    </message>
    <message>
        <source>Rena&amp;me…</source>
        <translation>Rena&amp;me…</translation>
    </message>
    <message>
        <source>Refresh &amp;List</source>
        <translation>Refresh &amp;List</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::GanttTimeline</name>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>No node has run yet.</source>
        <translation>No node has run yet.</translation>
    </message>
    <message>
        <source>%1, attempt %2: %3</source>
        <translation>%1, attempt %2: %3</translation>
    </message>
    <message>
        <source>Started %1, took %2</source>
        <translation>Started %1, took %2</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Retried after a wait.</source>
        <translation>Retried after a wait.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier attempt(s) made while not connected.</source>
        <translation>
            <numerusform>%n earlier attempt made while not connected.</numerusform>
            <numerusform>%n earlier attempts made while not connected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Outputs reused from the execution re-run.</source>
        <translation>Outputs reused from the execution re-run.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>hm::app::Inspector</name>
    <message>
        <source>string</source>
        <translation>string</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>integer</translation>
    </message>
    <message>
        <source>number</source>
        <translation>number</translation>
    </message>
    <message>
        <source>boolean</source>
        <translation>boolean</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>object</source>
        <translation>object</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
</context>
<context>
    <name>hm::app::InspectorWidget</name>
    <message>
        <source>The server does not know the component %1, so its configuration cannot be checked. Edit it as JSON.</source>
        <translation>The server does not know the component %1, so its configuration cannot be checked. Edit it as JSON.</translation>
    </message>
    <message>
        <source>The server has no version %2 of %1, so its configuration cannot be checked. Edit it as JSON.</source>
        <translation>The server has no version %2 of %1, so its configuration cannot be checked. Edit it as JSON.</translation>
    </message>
    <message>
        <source>The component %1 describes no configuration. Anything entered here is handed to it as it is.</source>
        <translation>The component %1 describes no configuration. Anything entered here is handed to it as it is.</translation>
    </message>
    <message>
        <source>%1 · version %2</source>
        <translation>%1 · version %2</translation>
    </message>
    <message numerus="yes">
        <source>%n nodes selected</source>
        <translation>
            <numerusform>%n node selected</numerusform>
            <numerusform>%n nodes selected</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a single node to edit it. Meanwhile the flow&apos;s settings are shown.</source>
        <translation>Select a single node to edit it. Meanwhile the flow&apos;s settings are shown.</translation>
    </message>
    <message>
        <source>Flow settings</source>
        <translation>Flow settings</translation>
    </message>
    <message>
        <source>Select a node to edit its configuration and inputs.</source>
        <translation>Select a node to edit its configuration and inputs.</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>The node&apos;s configuration</source>
        <translation>The node&apos;s configuration</translation>
    </message>
    <message>
        <source>Where each input of the node gets its value</source>
        <translation>Where each input of the node gets its value</translation>
    </message>
    <message>
        <source>Concurrency, timeouts, retry, history, notifications</source>
        <translation>Concurrency, timeouts, retry, history, notifications</translation>
    </message>
    <message>
        <source>The same as JSON text</source>
        <translation>The same as JSON text</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Inspector</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message>
        <source>%1: %2 %3 — %4</source>
        <translation>%1: %2 %3 — %4</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endpoint</translation>
    </message>
    <message>
        <source>Choose an endpoint</source>
        <translation>Choose an endpoint</translation>
    </message>
    <message>
        <source>Deleted service</source>
        <translation>Deleted service</translation>
    </message>
    <message>
        <source>Unknown service</source>
        <translation>Unknown service</translation>
    </message>
    <message>
        <source>unknown endpoint</source>
        <translation>unknown endpoint</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (not listed yet)</source>
        <translation>%1 (not listed yet)</translation>
    </message>
    <message>
        <source>The list of endpoints does not have this endpoint (yet).</source>
        <translation>The list of endpoints does not have this endpoint (yet).</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (disabled)</translation>
    </message>
    <message>
        <source>%1 (service inactive)</source>
        <translation>%1 (service inactive)</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (removed)</translation>
    </message>
</context>
<context>
    <name>hm::app::Ipv6PoolsPane</name>
    <message>
        <source>The pools could not be read: %1</source>
        <translation>The pools could not be read: %1</translation>
    </message>
    <message>
        <source>The allocations could not be read: %1</source>
        <translation>The allocations could not be read: %1</translation>
    </message>
    <message>
        <source>New pool...</source>
        <translation>New pool...</translation>
    </message>
    <message>
        <source>Edit pool...</source>
        <translation>Edit pool...</translation>
    </message>
    <message>
        <source>Delete pool...</source>
        <translation>Delete pool...</translation>
    </message>
    <message>
        <source>Delegate prefix...</source>
        <translation>Delegate prefix...</translation>
    </message>
    <message>
        <source>Release...</source>
        <translation>Release...</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Prefix</translation>
    </message>
    <message>
        <source>Delegated length</source>
        <translation>Delegated length</translation>
    </message>
    <message>
        <source>Allocated</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Allocated at</source>
        <translation>Allocated at</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>%1 of %2 prefixes available</source>
        <translation>%1 of %2 prefixes available</translation>
    </message>
    <message>
        <source>%1 (no WireGuard client)</source>
        <translation>%1 (no WireGuard client)</translation>
    </message>
    <message>
        <source>Sign in to see the IPv6 prefix pools.</source>
        <translation>Sign in to see the IPv6 prefix pools.</translation>
    </message>
    <message>
        <source>No IPv6 prefix pools yet. A pool is a prefix (e.g. 2001:db8::/48) cut into prefixes of one length (e.g. /56) delegated to clients.</source>
        <translation>No IPv6 prefix pools yet. A pool is a prefix (e.g. 2001:db8::/48) cut into prefixes of one length (e.g. /56) delegated to clients.</translation>
    </message>
    <message>
        <source>Prefixes delegated from %1</source>
        <translation>Prefixes delegated from %1</translation>
    </message>
    <message>
        <source>Delegated prefixes</source>
        <translation>Delegated prefixes</translation>
    </message>
    <message>
        <source>Select a pool to see its delegated prefixes.</source>
        <translation>Select a pool to see its delegated prefixes.</translation>
    </message>
    <message>
        <source>No prefix of this pool is delegated yet.</source>
        <translation>No prefix of this pool is delegated yet.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a pool first.</source>
        <translation>Select a pool first.</translation>
    </message>
    <message>
        <source>A new pool: a prefix cut into prefixes of one length.</source>
        <translation>A new pool: a prefix cut into prefixes of one length.</translation>
    </message>
    <message>
        <source>Change the pool; its prefix only while none is delegated.</source>
        <translation>Change the pool; its prefix only while none is delegated.</translation>
    </message>
    <message>
        <source>Delete the pool and release its delegated prefixes.</source>
        <translation>Delete the pool and release its delegated prefixes.</translation>
    </message>
    <message>
        <source>The pool is disabled.</source>
        <translation>The pool is disabled.</translation>
    </message>
    <message>
        <source>Delegate a prefix of this pool to a WireGuard client or a name.</source>
        <translation>Delegate a prefix of this pool to a WireGuard client or a name.</translation>
    </message>
    <message>
        <source>Release the prefix: it is free for the next delegation.</source>
        <translation>Release the prefix: it is free for the next delegation.</translation>
    </message>
    <message>
        <source>Select a delegated prefix first.</source>
        <translation>Select a delegated prefix first.</translation>
    </message>
    <message>
        <source>Edit IPv6 pool</source>
        <translation>Edit IPv6 pool</translation>
    </message>
    <message>
        <source>New IPv6 pool</source>
        <translation>New IPv6 pool</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Prefix:</source>
        <translation>&amp;Prefix:</translation>
    </message>
    <message>
        <source>&amp;Delegated length:</source>
        <translation>&amp;Delegated length:</translation>
    </message>
    <message>
        <source>&amp;Reserved prefixes:</source>
        <translation>&amp;Reserved prefixes:</translation>
    </message>
    <message>
        <source>&amp;Automatic:</source>
        <translation>&amp;Automatic:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>e.g. 2001:db8::/48</source>
        <translation>e.g. 2001:db8::/48</translation>
    </message>
    <message>
        <source>Hand out the lowest free prefix when none is given</source>
        <translation>Hand out the lowest free prefix when none is given</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A pool needs a name.</source>
        <translation>A pool needs a name.</translation>
    </message>
    <message>
        <source>An IPv6 prefix with its host bits zero, e.g. 2001:db8::/48.</source>
        <translation>An IPv6 prefix with its host bits zero, e.g. 2001:db8::/48.</translation>
    </message>
    <message>
        <source>At least the pool&apos;s own length, /%1.</source>
        <translation>At least the pool&apos;s own length, /%1.</translation>
    </message>
    <message>
        <source>Delegate a prefix of %1</source>
        <translation>Delegate a prefix of %1</translation>
    </message>
    <message>
        <source>(a name, no WireGuard client)</source>
        <translation>(a name, no WireGuard client)</translation>
    </message>
    <message>
        <source>WireGuard &amp;client:</source>
        <translation>WireGuard &amp;client:</translation>
    </message>
    <message>
        <source>The name the prefix is delegated to</source>
        <translation>The name the prefix is delegated to</translation>
    </message>
    <message>
        <source>A given prefix</source>
        <translation>A given prefix</translation>
    </message>
    <message>
        <source>Automatic: the lowest free /%1 of %2</source>
        <translation>Automatic: the lowest free /%1 of %2</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <source>Pick a client or give a name.</source>
        <translation>Pick a client or give a name.</translation>
    </message>
    <message>
        <source>A /%1 of %2 with its host bits zero.</source>
        <translation>A /%1 of %2 with its host bits zero.</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its %2 delegated prefixes are released with it; their clients lose them. This cannot be undone.</source>
        <translation>Delete &quot;%1&quot;? Its %2 delegated prefixes are released with it; their clients lose them. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? This cannot be undone.</source>
        <translation>Delete &quot;%1&quot;? This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete IPv6 pool</source>
        <translation>Delete IPv6 pool</translation>
    </message>
    <message>
        <source>The pool was not deleted: %1</source>
        <translation>The pool was not deleted: %1</translation>
    </message>
    <message>
        <source>Release prefix</source>
        <translation>Release prefix</translation>
    </message>
    <message>
        <source>Release %1 of &quot;%2&quot;? Its route is taken away and the next delegation may get it.</source>
        <translation>Release %1 of &quot;%2&quot;? Its route is taken away and the next delegation may get it.</translation>
    </message>
    <message>
        <source>The prefix was not released: %1</source>
        <translation>The prefix was not released: %1</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Active: prefixes are delegated from it and it is announced over BGP.</source>
        <translation>Active: prefixes are delegated from it and it is announced over BGP.</translation>
    </message>
    <message>
        <source>Disabled: nothing new is delegated from it and it is not announced over BGP; its delegated prefixes stay.</source>
        <translation>Disabled: nothing new is delegated from it and it is not announced over BGP; its delegated prefixes stay.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>%1 (expired, being released)</source>
        <translation>%1 (expired, being released)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>A disabled pool delegates nothing new and is not announced over BGP; its delegated prefixes stay.</source>
        <translation>A disabled pool delegates nothing new and is not announced over BGP; its delegated prefixes stay.</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>E&amp;xpiry:</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Expires on</translation>
    </message>
    <message>
        <source>At this time the server releases the prefix by itself; unset, it stays until released.</source>
        <translation>At this time the server releases the prefix by itself; unset, it stays until released.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>The expiry must be in the future.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Release</translation>
    </message>
</context>
<context>
    <name>hm::app::JsonField</name>
    <message>
        <source>A JSON value.</source>
        <translation>A JSON value.</translation>
    </message>
    <message>
        <source>This is not valid JSON.</source>
        <translation>This is not valid JSON.</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>Enter a JSON object.</translation>
    </message>
</context>
<context>
    <name>hm::app::KeyStatusPanel</name>
    <message>
        <source>The key status could not be read: %1</source>
        <translation>The key status could not be read: %1</translation>
    </message>
    <message>
        <source>Rotate the credential key</source>
        <translation>Rotate the credential key</translation>
    </message>
    <message>
        <source>Create a new data key and re-encrypt every stored credential with it? The credentials stay usable while this runs, and the old key is retired at the end.</source>
        <translation>Create a new data key and re-encrypt every stored credential with it? The credentials stay usable while this runs, and the old key is retired at the end.</translation>
    </message>
    <message>
        <source>The key was not rotated: %1</source>
        <translation>The key was not rotated: %1</translation>
    </message>
    <message>
        <source>Encryption key</source>
        <translation>Encryption key</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Reading the key status...</source>
        <translation>Reading the key status...</translation>
    </message>
    <message>
        <source>Credentials are encrypted with data key version %1. Rotating makes a new version and re-encrypts every credential with it.</source>
        <translation>Credentials are encrypted with data key version %1. Rotating makes a new version and re-encrypts every credential with it.</translation>
    </message>
    <message>
        <source>Data key version %1 is active; the rotation is %2.</source>
        <translation>Data key version %1 is active; the rotation is %2.</translation>
    </message>
    <message>
        <source>The last rotation ended %1.</source>
        <translation>The last rotation ended %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n credential(s) could not be decrypted and keep the old key.</source>
        <translation>
            <numerusform>%n credential could not be decrypted and keeps the old key.</numerusform>
            <numerusform>%n credentials could not be decrypted and keep the old key.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 re-encrypted</source>
        <translation>%1 of %2 re-encrypted</translation>
    </message>
    <message>
        <source>Rotate key...</source>
        <translation>Rotate key...</translation>
    </message>
    <message>
        <source>A rotation is running.</source>
        <translation>A rotation is running.</translation>
    </message>
    <message>
        <source>Make a new data key and re-encrypt every credential.</source>
        <translation>Make a new data key and re-encrypt every credential.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credentials</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>No data key yet: the first credential stored makes one.</source>
        <translation>No data key yet: the first credential stored makes one.</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Rotate</translation>
    </message>
</context>
<context>
    <name>hm::app::KillProcessDialog</name>
    <message>
        <source>Kill process</source>
        <translation>Kill process</translation>
    </message>
    <message>
        <source>Send a signal to &quot;%1&quot; (pid %2, user %3) on %4?</source>
        <translation>Send a signal to &quot;%1&quot; (pid %2, user %3) on %4?</translation>
    </message>
    <message>
        <source>&amp;Signal:</source>
        <translation>&amp;Signal:</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>Terminate</translation>
    </message>
    <message>
        <source>Kill</source>
        <translation>Kill</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Hang up</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Interrupt</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>User signal</source>
        <translation>User signal</translation>
    </message>
    <message>
        <source>Asks the process to end; it may clean up first, or ignore it.</source>
        <translation>Asks the process to end; it may clean up first, or ignore it.</translation>
    </message>
    <message>
        <source>Ends the process at once; it cannot clean up or refuse. Unsaved work is lost.</source>
        <translation>Ends the process at once; it cannot clean up or refuse. Unsaved work is lost.</translation>
    </message>
    <message>
        <source>Many services read their configuration again on it; other programs end.</source>
        <translation>Many services read their configuration again on it; other programs end.</translation>
    </message>
    <message>
        <source>As Ctrl+C in a terminal: most programs end.</source>
        <translation>As Ctrl+C in a terminal: most programs end.</translation>
    </message>
    <message>
        <source>Ends the process and may write a core dump.</source>
        <translation>Ends the process and may write a core dump.</translation>
    </message>
    <message>
        <source>Pauses the process until it gets CONT; it cannot refuse.</source>
        <translation>Pauses the process until it gets CONT; it cannot refuse.</translation>
    </message>
    <message>
        <source>Resumes a paused process.</source>
        <translation>Resumes a paused process.</translation>
    </message>
    <message>
        <source>What it does is up to the program.</source>
        <translation>What it does is up to the program.</translation>
    </message>
    <message>
        <source>Send SIG%1</source>
        <translation>Send SIG%1</translation>
    </message>
</context>
<context>
    <name>hm::app::LogListModel</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Module</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>hm::app::MailSettingsTab</name>
    <message>
        <source>read the mail settings</source>
        <translation>read the mail settings</translation>
    </message>
    <message>
        <source>save the mail settings</source>
        <translation>save the mail settings</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>send the test e-mail</source>
        <translation>send the test e-mail</translation>
    </message>
    <message>
        <source>Sent to %1. Check that mailbox.</source>
        <translation>Sent to %1. Check that mailbox.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message>
        <source>A password is set.</source>
        <translation>A password is set.</translation>
    </message>
    <message>
        <source>No password set.</source>
        <translation>No password set.</translation>
    </message>
    <message>
        <source>type to replace it</source>
        <translation>type to replace it</translation>
    </message>
    <message>
        <source>only when the server asks for a sign-in</source>
        <translation>only when the server asks for a sign-in</translation>
    </message>
    <message>
        <source>Only administrators see and change the mail settings.</source>
        <translation>Only administrators see and change the mail settings.</translation>
    </message>
    <message>
        <source>SMTP server for account e-mail</source>
        <translation>SMTP server for account e-mail</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>smtp.example.com; empty: the server sends no e-mail</source>
        <translation>smtp.example.com; empty: the server sends no e-mail</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None (trusted network only)</source>
        <translation>None (trusted network only)</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>From address</source>
        <translation>From address</translation>
    </message>
    <message>
        <source>hivemind@example.com</source>
        <translation>hivemind@example.com</translation>
    </message>
    <message>
        <source>Public URL</source>
        <translation>Public URL</translation>
    </message>
    <message>
        <source>optional: links in the mails; else the mails carry a code</source>
        <translation>optional: links in the mails; else the mails carry a code</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Send a test e-mail to</source>
        <translation>Send a test e-mail to</translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation>you@example.com</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>Send Test</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
</context>
<context>
    <name>hm::app::MainWindow</name>
    <message>
        <source>HiveMind</source>
        <translation>HiveMind</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Navigation Sidebar</source>
        <translation>&amp;Navigation Sidebar</translation>
    </message>
    <message>
        <source>&amp;Status Bar</source>
        <translation>&amp;Status Bar</translation>
    </message>
    <message>
        <source>&amp;Refresh Server Status</source>
        <translation>&amp;Refresh Server Status</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About HiveMind</source>
        <translation>&amp;About HiveMind</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>About &amp;Qt</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>Server failed: %1</source>
        <translation>Server failed: %1</translation>
    </message>
    <message>
        <source>Server version unknown</source>
        <translation>Server version unknown</translation>
    </message>
    <message>
        <source>Server %1</source>
        <translation>Server %1</translation>
    </message>
    <message>
        <source>Data Directory in Use</source>
        <translation>Data Directory in Use</translation>
    </message>
    <message>
        <source>Another HiveMind server (process %1) is using the data directory %2.</source>
        <translation>Another HiveMind server (process %1) is using the data directory %2.</translation>
    </message>
    <message>
        <source>Its address is not known. Stop that server, or start the console with another --data-dir.</source>
        <translation>Its address is not known. Stop that server, or start the console with another --data-dir.</translation>
    </message>
    <message>
        <source>Connect to it at %1 instead?</source>
        <translation>Connect to it at %1 instead?</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</source>
        <translation>No keychain answered, so the sign-in is not saved: you stay signed in until the console closes and sign in again at the next start.</translation>
    </message>
    <message>
        <source>Sign &amp;In…</source>
        <translation>Sign &amp;In…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>Sign &amp;Out</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2), for this session only</source>
        <translation>Signed in as %1 (%2), for this session only</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>Local server</source>
        <translation>Local server</translation>
    </message>
    <message>
        <source>S&amp;witch Server</source>
        <translation>S&amp;witch Server</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>Follow the &amp;System</source>
        <translation>Follow the &amp;System</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Switch Server ▾</source>
        <translation>Switch Server ▾</translation>
    </message>
    <message>
        <source>Connect to another server, or add or edit servers</source>
        <translation>Connect to another server, or add or edit servers</translation>
    </message>
    <message>
        <source>My &amp;Account…</source>
        <translation>My &amp;Account…</translation>
    </message>
    <message>
        <source>First start: the local server created the administrator account. Its password was generated and saved in %1; right after signing in you choose your own, and the file is deleted.</source>
        <translation>First start: the local server created the administrator account. Its password was generated and saved in %1; right after signing in you choose your own, and the file is deleted.</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Go to</translation>
    </message>
    <message>
        <source>&amp;Find in This View</source>
        <translation>&amp;Find in This View</translation>
    </message>
    <message>
        <source>&amp;Command Palette…</source>
        <translation>&amp;Command Palette…</translation>
    </message>
    <message>
        <source>A&amp;dd Server…</source>
        <translation>A&amp;dd Server…</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceDialog</name>
    <message>
        <source>Plan maintenance</source>
        <translation>Plan maintenance</translation>
    </message>
    <message>
        <source>While the window lasts, the rules raise no alert on the nodes it covers; alerts open already still resolve. A value still over its threshold fires once the window ends and the rule&apos;s time has passed.</source>
        <translation>While the window lasts, the rules raise no alert on the nodes it covers; alerts open already still resolve. A value still over its threshold fires once the window ends and the rule&apos;s time has passed.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Kernel upgrade</source>
        <translation>Kernel upgrade</translation>
    </message>
    <message>
        <source>&amp;Starts:</source>
        <translation>&amp;Starts:</translation>
    </message>
    <message>
        <source>&amp;Lasts:</source>
        <translation>&amp;Lasts:</translation>
    </message>
    <message>
        <source>Until a time I choose</source>
        <translation>Until a time I choose</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Ends:</source>
        <translation>&amp;Ends:</translation>
    </message>
    <message>
        <source>&amp;Covers:</source>
        <translation>&amp;Covers:</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A window needs a name.</source>
        <translation>A window needs a name.</translation>
    </message>
    <message>
        <source>The window must end after it starts.</source>
        <translation>The window must end after it starts.</translation>
    </message>
    <message>
        <source>This end has passed already.</source>
        <translation>This end has passed already.</translation>
    </message>
    <message>
        <source>A window lasts at most 30 days.</source>
        <translation>A window lasts at most 30 days.</translation>
    </message>
    <message>
        <source>Pick the node the window covers.</source>
        <translation>Pick the node the window covers.</translation>
    </message>
</context>
<context>
    <name>hm::app::MaintenanceModel</name>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>The nodes it covers raise no alert until it ends.</source>
        <translation>The nodes it covers raise no alert until it ends.</translation>
    </message>
    <message>
        <source>Alerts are held back from its start.</source>
        <translation>Alerts are held back from its start.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Covers</source>
        <translation>Covers</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingEditor</name>
    <message>
        <source>Remove the mapping of %1</source>
        <translation>Remove the mapping of %1</translation>
    </message>
    <message>
        <source>This input takes %1.</source>
        <translation>This input takes %1.</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>$.trigger.… or $.nodes.…, or a fixed value</source>
        <translation>$.trigger.… or $.nodes.…, or a fixed value</translation>
    </message>
    <message>
        <source>Not mapped: the default %1 is used.</source>
        <translation>Not mapped: the default %1 is used.</translation>
    </message>
    <message>
        <source>Required: map this input.</source>
        <translation>Required: map this input.</translation>
    </message>
    <message>
        <source>Not mapped.</source>
        <translation>Not mapped.</translation>
    </message>
    <message>
        <source>Type mismatch: this input takes %1, but the mapping gives %2.</source>
        <translation>Type mismatch: this input takes %1, but the mapping gives %2.</translation>
    </message>
    <message>
        <source>Each input gets its value from a mapping: $.trigger.… reads the trigger input, $.nodes.&lt;id&gt;.output.… the output of a node upstream, and anything else is a fixed value (JSON).</source>
        <translation>Each input gets its value from a mapping: $.trigger.… reads the trigger input, $.nodes.&lt;id&gt;.output.… the output of a node upstream, and anything else is a fixed value (JSON).</translation>
    </message>
    <message>
        <source>This component takes any inputs. Add the ones it should get.</source>
        <translation>This component takes any inputs. Add the ones it should get.</translation>
    </message>
    <message>
        <source>The server does not describe this component&apos;s inputs. Add the ones it should get.</source>
        <translation>The server does not describe this component&apos;s inputs. Add the ones it should get.</translation>
    </message>
    <message>
        <source>Input name</source>
        <translation>Input name</translation>
    </message>
    <message>
        <source>Add Input</source>
        <translation>Add Input</translation>
    </message>
    <message>
        <source>Add an input and map it</source>
        <translation>Add an input and map it</translation>
    </message>
</context>
<context>
    <name>hm::app::MappingText</name>
    <message>
        <source>This expression cannot be read at character %1.</source>
        <translation>This expression cannot be read at character %1.</translation>
    </message>
    <message>
        <source>This reference cannot be read: %1</source>
        <translation>This reference cannot be read: %1</translation>
    </message>
    <message>
        <source>This is not valid JSON. Write text without { [ or &quot; at the start, or complete the JSON.</source>
        <translation>This is not valid JSON. Write text without { [ or &quot; at the start, or complete the JSON.</translation>
    </message>
    <message>
        <source>A fixed value (%1).</source>
        <translation>A fixed value (%1).</translation>
    </message>
    <message>
        <source>A fixed value (null).</source>
        <translation>A fixed value (null).</translation>
    </message>
    <message>
        <source>A stored blob (bytes).</source>
        <translation>A stored blob (bytes).</translation>
    </message>
    <message>
        <source>Reads the trigger input; its type is known when the flow runs.</source>
        <translation>Reads the trigger input; its type is known when the flow runs.</translation>
    </message>
    <message>
        <source>Reads all outputs of node “%1” (object).</source>
        <translation>Reads all outputs of node “%1” (object).</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1” (%3).</source>
        <translation>Reads output “%2” of node “%1” (%3).</translation>
    </message>
    <message>
        <source>Reads output “%2” of node “%1”; its type is known when the flow runs.</source>
        <translation>Reads output “%2” of node “%1”; its type is known when the flow runs.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeAgentView</name>
    <message>
        <source>Upgrade agent</source>
        <translation>Upgrade agent</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to the latest release? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>Upgrade the agent on &quot;%1&quot; to the latest release? It restarts on the new build and goes back to the old one if it cannot reach the server.</translation>
    </message>
    <message>
        <source>Upgrade the agent on &quot;%1&quot; to version %2? It restarts on the new build and goes back to the old one if it cannot reach the server.</source>
        <translation>Upgrade the agent on &quot;%1&quot; to version %2? It restarts on the new build and goes back to the old one if it cannot reach the server.</translation>
    </message>
    <message>
        <source>Restart agent</source>
        <translation>Restart agent</translation>
    </message>
    <message>
        <source>Restart the agent on &quot;%1&quot;? Its open terminals close.</source>
        <translation>Restart the agent on &quot;%1&quot;? Its open terminals close.</translation>
    </message>
    <message>
        <source>Reboot node</source>
        <translation>Reboot node</translation>
    </message>
    <message>
        <source>Reboot &quot;%1&quot;? Everything running on the machine stops; it is offline until it has started again.</source>
        <translation>Reboot &quot;%1&quot;? Everything running on the machine stops; it is offline until it has started again.</translation>
    </message>
    <message>
        <source>Upgrading the agent…</source>
        <translation>Upgrading the agent…</translation>
    </message>
    <message>
        <source>Restarting the agent…</source>
        <translation>Restarting the agent…</translation>
    </message>
    <message>
        <source>Asking the node to reboot…</source>
        <translation>Asking the node to reboot…</translation>
    </message>
    <message>
        <source>The agent runs version %1 now.</source>
        <translation>The agent runs version %1 now.</translation>
    </message>
    <message>
        <source>The agent restarted and is back.</source>
        <translation>The agent restarted and is back.</translation>
    </message>
    <message>
        <source>The node is rebooting.</source>
        <translation>The node is rebooting.</translation>
    </message>
    <message>
        <source>The new agent did not reach the server and the old one was put back.</source>
        <translation>The new agent did not reach the server and the old one was put back.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow it (see its capabilities).</source>
        <translation>This node&apos;s agent does not allow it (see its capabilities).</translation>
    </message>
    <message>
        <source>It did not work: %1</source>
        <translation>It did not work: %1</translation>
    </message>
    <message>
        <source>The agent on this node reports version %1.</source>
        <translation>The agent on this node reports version %1.</translation>
    </message>
    <message>
        <source>The node&apos;s agent.</source>
        <translation>The node&apos;s agent.</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>latest release</source>
        <translation>latest release</translation>
    </message>
    <message>
        <source>&amp;Upgrade agent</source>
        <translation>&amp;Upgrade agent</translation>
    </message>
    <message>
        <source>&amp;Restart agent</source>
        <translation>&amp;Restart agent</translation>
    </message>
    <message>
        <source>Re&amp;boot node</source>
        <translation>Re&amp;boot node</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Reboot</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeColumnMenu</name>
    <message>
        <source>The name is always shown: it says which node a row is.</source>
        <translation>The name is always shown: it says which node a row is.</translation>
    </message>
    <message>
        <source>Hidden to fit the window; choose it to show it anyway.</source>
        <translation>Hidden to fit the window; choose it to show it anyway.</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Reset columns</translation>
    </message>
    <message>
        <source>Show the columns the window has room for, as at first.</source>
        <translation>Show the columns the window has room for, as at first.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeComposePane</name>
    <message>
        <source>The compose projects could not be read: %1</source>
        <translation>The compose projects could not be read: %1</translation>
    </message>
    <message>
        <source>Compose running...</source>
        <translation>Compose running...</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Partly running</source>
        <translation>Partly running</translation>
    </message>
    <message>
        <source>Not up</source>
        <translation>Not up</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Bring compose project down</source>
        <translation>Bring compose project down</translation>
    </message>
    <message>
        <source>Bring &quot;%1&quot; down on %2? Compose stops and removes its containers and networks; its volumes and the project&apos;s files are kept.</source>
        <translation>Bring &quot;%1&quot; down on %2? Compose stops and removes its containers and networks; its volumes and the project&apos;s files are kept.</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; up...</source>
        <translation>Bringing &quot;%1&quot; up...</translation>
    </message>
    <message>
        <source>Bringing &quot;%1&quot; down...</source>
        <translation>Bringing &quot;%1&quot; down...</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is up.</source>
        <translation>&quot;%1&quot; is up.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is down.</source>
        <translation>&quot;%1&quot; is down.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought up: %2</source>
        <translation>&quot;%1&quot; was not brought up: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not brought down: %2</source>
        <translation>&quot;%1&quot; was not brought down: %2</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>compose up -d in the project&apos;s directory</source>
        <translation>compose up -d in the project&apos;s directory</translation>
    </message>
    <message>
        <source>Down...</source>
        <translation>Down...</translation>
    </message>
    <message>
        <source>compose down: stops and removes the project&apos;s containers</source>
        <translation>compose down: stops and removes the project&apos;s containers</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to.</source>
        <translation>The compose projects in the agent&apos;s compose roots and those its containers belong to.</translation>
    </message>
    <message>
        <source>The compose projects in the agent&apos;s compose roots and those its containers belong to. No compose tool (docker-compose or podman-compose) is installed on this node, so projects cannot be brought up or down from here.</source>
        <translation>The compose projects in the agent&apos;s compose roots and those its containers belong to. No compose tool (docker-compose or podman-compose) is installed on this node, so projects cannot be brought up or down from here.</translation>
    </message>
    <message>
        <source>Bring down</source>
        <translation>Bring down</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeContainerModel</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Restarting</source>
        <translation>Restarting</translation>
    </message>
    <message>
        <source>Removing</source>
        <translation>Removing</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Dead</translation>
    </message>
    <message>
        <source>%1, healthy</source>
        <translation>%1, healthy</translation>
    </message>
    <message>
        <source>%1, unhealthy</source>
        <translation>%1, unhealthy</translation>
    </message>
    <message>
        <source>%1, health check starting</source>
        <translation>%1, health check starting</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Compose project</source>
        <translation>Compose project</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>Stopping</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDetailPane</name>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Labels:</source>
        <translation>Labels:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>OS / arch:</source>
        <translation>OS / arch:</translation>
    </message>
    <message>
        <source>CPU:</source>
        <translation>CPU:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>Memory:</translation>
    </message>
    <message>
        <source>Disk:</source>
        <translation>Disk:</translation>
    </message>
    <message>
        <source>Agent version:</source>
        <translation>Agent version:</translation>
    </message>
    <message>
        <source>Capabilities:</source>
        <translation>Capabilities:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Key fingerprint:</translation>
    </message>
    <message>
        <source>Last seen:</source>
        <translation>Last seen:</translation>
    </message>
    <message>
        <source>Enrolled:</source>
        <translation>Enrolled:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Created:</translation>
    </message>
    <message>
        <source>Select a node to see its details.</source>
        <translation>Select a node to see its details.</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>This node waits for its agent to enrol with the secret shown when it was created.</source>
        <translation>This node waits for its agent to enrol with the secret shown when it was created.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message numerus="yes">
        <source>%n core(s)</source>
        <translation>
            <numerusform>%n core</numerusform>
            <numerusform>%n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>After enrolment</source>
        <translation>After enrolment</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDetailPanel</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>This node has not run yet.</source>
        <translation>This node has not run yet.</translation>
    </message>
    <message>
        <source>No inputs.</source>
        <translation>No inputs.</translation>
    </message>
    <message>
        <source>No outputs.</source>
        <translation>No outputs.</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Skipped: a node it depends on failed.</source>
        <translation>Skipped: a node it depends on failed.</translation>
    </message>
    <message>
        <source>Skipped (%1).</source>
        <translation>Skipped (%1).</translation>
    </message>
    <message>
        <source>No error.</source>
        <translation>No error.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Error ●</source>
        <translation>Error ●</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Logs (%1)</source>
        <translation>Logs (%1)</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>The node&apos;s details could not be read: %1</source>
        <translation>The node&apos;s details could not be read: %1</translation>
    </message>
    <message>
        <source>Its outputs were reused from the execution this one re-runs.</source>
        <translation>Its outputs were reused from the execution this one re-runs.</translation>
    </message>
    <message>
        <source>Values of sensitive fields are masked by the server.</source>
        <translation>Values of sensitive fields are masked by the server.</translation>
    </message>
    <message>
        <source>Select a node in the graph or the timeline to see its inputs, outputs, error, attempts and logs.</source>
        <translation>Select a node in the graph or the timeline to see its inputs, outputs, error, attempts and logs.</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Outputs</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Attempt</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Took</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Targets: %1</source>
        <translation>Targets: %1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeDockerView</name>
    <message>
        <source>Log of %1 (the last %2 lines, then what follows)</source>
        <translation>Log of %1 (the last %2 lines, then what follows)</translation>
    </message>
    <message>
        <source>Select a container to see its log.</source>
        <translation>Select a container to see its log.</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>The log could not be read: %1</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(untagged)</translation>
    </message>
    <message>
        <source>Starting &quot;%1&quot;...</source>
        <translation>Starting &quot;%1&quot;...</translation>
    </message>
    <message>
        <source>Stopping &quot;%1&quot;...</source>
        <translation>Stopping &quot;%1&quot;...</translation>
    </message>
    <message>
        <source>Restarting &quot;%1&quot;...</source>
        <translation>Restarting &quot;%1&quot;...</translation>
    </message>
    <message>
        <source>Started &quot;%1&quot;.</source>
        <translation>Started &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Stopped &quot;%1&quot;.</source>
        <translation>Stopped &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Restarted &quot;%1&quot;.</source>
        <translation>Restarted &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not changed: %2</source>
        <translation>&quot;%1&quot; was not changed: %2</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? It is running: it will be stopped first. Its volumes are kept.</source>
        <translation>Remove the container &quot;%1&quot; on %2? It is running: it will be stopped first. Its volumes are kept.</translation>
    </message>
    <message>
        <source>Remove the container &quot;%1&quot; on %2? Its volumes are kept.</source>
        <translation>Remove the container &quot;%1&quot; on %2? Its volumes are kept.</translation>
    </message>
    <message>
        <source>Remove container</source>
        <translation>Remove container</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot;.</source>
        <translation>Removed &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not removed: %2</source>
        <translation>&quot;%1&quot; was not removed: %2</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>Remove...</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Compose projects</source>
        <translation>Compose projects</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Image id</source>
        <translation>Image id</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Select a node to see its containers.</source>
        <translation>Select a node to see its containers.</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>The node is offline</translation>
    </message>
    <message>
        <source>Its containers are read from its agent: they show here when the agent connects again.</source>
        <translation>Its containers are read from its agent: they show here when the agent connects again.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow Docker</source>
        <translation>This node&apos;s agent does not allow Docker</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;docker&quot;. Add it to the agent&apos;s capabilities on the machine (--allow docker) to manage its containers here.</source>
        <translation>Its configuration does not grant &quot;docker&quot;. Add it to the agent&apos;s capabilities on the machine (--allow docker) to manage its containers here.</translation>
    </message>
    <message>
        <source>You may not manage this node&apos;s containers</source>
        <translation>You may not manage this node&apos;s containers</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;docker&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>An administrator can grant you &quot;docker&quot; on this node or one of its labels under Users → Node grants.</translation>
    </message>
    <message>
        <source>Docker is not running on this node</source>
        <translation>Docker is not running on this node</translation>
    </message>
    <message>
        <source>The agent cannot reach the Docker daemon&apos;s socket. Start Docker on the machine, or point the agent at its socket (--docker-socket).</source>
        <translation>The agent cannot reach the Docker daemon&apos;s socket. Start Docker on the machine, or point the agent at its socket (--docker-socket).</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>The containers could not be read</source>
        <translation>The containers could not be read</translation>
    </message>
    <message>
        <source>Reading the containers...</source>
        <translation>Reading the containers...</translation>
    </message>
    <message>
        <source>No containers</source>
        <translation>No containers</translation>
    </message>
    <message>
        <source>Docker on this node has no containers, running or stopped.</source>
        <translation>Docker on this node has no containers, running or stopped.</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>The list could not be refreshed: %1</translation>
    </message>
    <message>
        <source>Log of %1 (the last %2 lines, then live)</source>
        <translation>Log of %1 (the last %2 lines, then live)</translation>
    </message>
    <message>
        <source>The live log ended (the container stopped); showing new lines every few seconds.</source>
        <translation>The live log ended (the container stopped); showing new lines every few seconds.</translation>
    </message>
    <message>
        <source>The log could not be followed: %1</source>
        <translation>The log could not be followed: %1</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <source>Show new lines live as the container writes them</source>
        <translation>Show new lines live as the container writes them</translation>
    </message>
    <message>
        <source>Nothing logged yet. New lines appear here as the container writes them.</source>
        <translation>Nothing logged yet. New lines appear here as the container writes them.</translation>
    </message>
    <message>
        <source>The container has not logged anything yet.</source>
        <translation>The container has not logged anything yet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being started, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>&quot;%1&quot; is still being started, or its outcome is unknown (%2). Its state below is read again.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being stopped, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>&quot;%1&quot; is still being stopped, or its outcome is unknown (%2). Its state below is read again.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being restarted, or its outcome is unknown (%2). Its state below is read again.</source>
        <translation>&quot;%1&quot; is still being restarted, or its outcome is unknown (%2). Its state below is read again.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is still being removed, or its outcome is unknown (%2). The list is read again.</source>
        <translation>&quot;%1&quot; is still being removed, or its outcome is unknown (%2). The list is read again.</translation>
    </message>
    <message>
        <source>Stop container</source>
        <translation>Stop container</translation>
    </message>
    <message>
        <source>Stop the container &quot;%1&quot; on %2? Whatever it serves is down until it is started again.</source>
        <translation>Stop the container &quot;%1&quot; on %2? Whatever it serves is down until it is started again.</translation>
    </message>
    <message>
        <source>Whether &quot;%1&quot; changed is unknown (%2), and the list could not be read again: %3</source>
        <translation>Whether &quot;%1&quot; changed is unknown (%2), and the list could not be read again: %3</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeEditDialog</name>
    <message>
        <source>Edit node</source>
        <translation>Edit node</translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot; or change its labels and description. Its agent, key and history stay as they are.</source>
        <translation>Rename &quot;%1&quot; or change its labels and description. Its agent, key and history stay as they are.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Labels:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <source>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</source>
        <translation>Comma separated; at most %1 labels, each 1 to %2 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;.&quot;, &quot;:&quot; or &quot;-&quot;.</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A node needs a name.</source>
        <translation>A node needs a name.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileEditorDialog</name>
    <message>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Close without saving your changes to &quot;%1&quot;?</source>
        <translation>Close without saving your changes to &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>View file</source>
        <translation>View file</translation>
    </message>
    <message>
        <source>Edit file</source>
        <translation>Edit file</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1 (read only)</translation>
    </message>
    <message>
        <source>This file changed on the node since you opened it. Reload its current text (your changes are lost) or overwrite it with yours?</source>
        <translation>This file changed on the node since you opened it. Reload its current text (your changes are lost) or overwrite it with yours?</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Reading the file...</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>The file could not be opened: it is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>The file could not be opened: it is larger than %1, the most the editor opens. Download it instead.</translation>
    </message>
    <message>
        <source>Not saved. %1</source>
        <translation>Not saved. %1</translation>
    </message>
    <message>
        <source>The file could not be opened. %1</source>
        <translation>The file could not be opened. %1</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileNameDialog</name>
    <message>
        <source>Type a name.</source>
        <translation>Type a name.</translation>
    </message>
    <message>
        <source>&quot;.&quot; and &quot;..&quot; are not names.</source>
        <translation>&quot;.&quot; and &quot;..&quot; are not names.</translation>
    </message>
    <message>
        <source>A name cannot contain &quot;/&quot;.</source>
        <translation>A name cannot contain &quot;/&quot;.</translation>
    </message>
    <message>
        <source>A name cannot contain control characters.</source>
        <translation>A name cannot contain control characters.</translation>
    </message>
    <message>
        <source>Type another name.</source>
        <translation>Type another name.</translation>
    </message>
    <message>
        <source>New folder</source>
        <translation>New folder</translation>
    </message>
    <message>
        <source>Name of the new folder in %1:</source>
        <translation>Name of the new folder in %1:</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>New name for &quot;%1&quot; in %2:</source>
        <translation>New name for &quot;%1&quot; in %2:</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileTransferBar</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Preparing &quot;%1&quot; (checksum)...</source>
        <translation>Preparing &quot;%1&quot; (checksum)...</translation>
    </message>
    <message>
        <source>Uploading &quot;%1&quot;: %2</source>
        <translation>Uploading &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Downloading &quot;%1&quot;: %2</source>
        <translation>Downloading &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>Checking &quot;%1&quot; on the node...</source>
        <translation>Checking &quot;%1&quot; on the node...</translation>
    </message>
    <message>
        <source>Uploaded &quot;%1&quot; (%2).</source>
        <translation>Uploaded &quot;%1&quot; (%2).</translation>
    </message>
    <message>
        <source>Downloaded &quot;%1&quot; to %2.</source>
        <translation>Downloaded &quot;%1&quot; to %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was interrupted at %2: %3</source>
        <translation>&quot;%1&quot; was interrupted at %2: %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; failed: %2</source>
        <translation>&quot;%1&quot; failed: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was cancelled.</source>
        <translation>&quot;%1&quot; was cancelled.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFileTransferTask</name>
    <message>
        <source>Upload of &quot;%1&quot; to %2</source>
        <translation>Upload of &quot;%1&quot; to %2</translation>
    </message>
    <message>
        <source>Download of &quot;%1&quot; from %2</source>
        <translation>Download of &quot;%1&quot; from %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Preparing (checksum)…</source>
        <translation>Preparing (checksum)…</translation>
    </message>
    <message>
        <source>Checking the file on the node…</source>
        <translation>Checking the file on the node…</translation>
    </message>
    <message>
        <source>Uploaded (%1).</source>
        <translation>Uploaded (%1).</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>Interrupted at %1: %2 (Resume in the node&apos;s Files tab.)</source>
        <translation>Interrupted at %1: %2 (Resume in the node&apos;s Files tab.)</translation>
    </message>
    <message>
        <source>Cancelled: nothing was kept.</source>
        <translation>Cancelled: nothing was kept.</translation>
    </message>
    <message>
        <source>Stopped: its Files tab closed.</source>
        <translation>Stopped: its Files tab closed.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeFilesView</name>
    <message>
        <source>Created the folder &quot;%1&quot;.</source>
        <translation>Created the folder &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The folder &quot;%1&quot; was not created: %2</source>
        <translation>The folder &quot;%1&quot; was not created: %2</translation>
    </message>
    <message>
        <source>Renamed &quot;%1&quot; to &quot;%2&quot;.</source>
        <translation>Renamed &quot;%1&quot; to &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not renamed: %2</source>
        <translation>&quot;%1&quot; was not renamed: %2</translation>
    </message>
    <message>
        <source>Delete the folder &quot;%1&quot; and everything in it from %2? This cannot be undone.</source>
        <translation>Delete the folder &quot;%1&quot; and everything in it from %2? This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; from %2? This cannot be undone.</source>
        <translation>Delete &quot;%1&quot; from %2? This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>Deleted &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was not deleted: %2</source>
        <translation>&quot;%1&quot; was not deleted: %2</translation>
    </message>
    <message>
        <source>Download &quot;%1&quot;</source>
        <translation>Download &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Upload a file to %1</source>
        <translation>Upload a file to %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a folder here: rename or delete it first.</source>
        <translation>&quot;%1&quot; is a folder here: rename or delete it first.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists here. Replace it?</source>
        <translation>&quot;%1&quot; already exists here. Replace it?</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>Saved &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>&amp;Root:</source>
        <translation>&amp;Root:</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>The folder that holds this one</source>
        <translation>The folder that holds this one</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New folder...</source>
        <translation>New folder...</translation>
    </message>
    <message>
        <source>Upload...</source>
        <translation>Upload...</translation>
    </message>
    <message>
        <source>Download...</source>
        <translation>Download...</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Rename...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1 (read only)</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>View...</source>
        <translation>View...</translation>
    </message>
    <message>
        <source>This root is read only on the node.</source>
        <translation>This root is read only on the node.</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Select a node to see its files.</source>
        <translation>Select a node to see its files.</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>The node is offline</translation>
    </message>
    <message>
        <source>Its files are read through its agent: they show here when the agent connects again.</source>
        <translation>Its files are read through its agent: they show here when the agent connects again.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow files</source>
        <translation>This node&apos;s agent does not allow files</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;files&quot;. Add it to the agent&apos;s capabilities on the machine (--allow files --files-root DIR) to browse its files here.</source>
        <translation>Its configuration does not grant &quot;files&quot;. Add it to the agent&apos;s capabilities on the machine (--allow files --files-root DIR) to browse its files here.</translation>
    </message>
    <message>
        <source>This node&apos;s agent shares no folders</source>
        <translation>This node&apos;s agent shares no folders</translation>
    </message>
    <message>
        <source>Name the folders it may reach with --files-root DIR (add :ro for read only) in the agent&apos;s configuration.</source>
        <translation>Name the folders it may reach with --files-root DIR (add :ro for read only) in the agent&apos;s configuration.</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s files</source>
        <translation>You may not see this node&apos;s files</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;files&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>An administrator can grant you &quot;files&quot; on this node or one of its labels under Users → Node grants.</translation>
    </message>
    <message>
        <source>This folder could not be read</source>
        <translation>This folder could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Reading the folder...</source>
        <translation>Reading the folder...</translation>
    </message>
    <message>
        <source>This folder is empty</source>
        <translation>This folder is empty</translation>
    </message>
    <message>
        <source>It is read only: nothing can be added here.</source>
        <translation>It is read only: nothing can be added here.</translation>
    </message>
    <message>
        <source>Upload a file or create a folder to fill it.</source>
        <translation>Upload a file or create a folder to fill it.</translation>
    </message>
    <message>
        <source>%1 items (the agent lists at most 10,000)</source>
        <translation>%1 items (the agent lists at most 10,000)</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <source>%1 · read only</source>
        <translation>%1 · read only</translation>
    </message>
    <message>
        <source>This file is larger than %1, the most the editor opens. Download it instead.</source>
        <translation>This file is larger than %1, the most the editor opens. Download it instead.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantDialog</name>
    <message>
        <source>Add node grant</source>
        <translation>Add node grant</translation>
    </message>
    <message>
        <source>Let a user act on the nodes with a label through their agents. Administrators may do everything already; viewers never act. The node&apos;s agent must allow the capability too.</source>
        <translation>Let a user act on the nodes with a label through their agents. Administrators may do everything already; viewers never act. The node&apos;s agent must allow the capability too.</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Who:</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>Every user with the USER role</translation>
    </message>
    <message>
        <source>&amp;Nodes:</source>
        <translation>&amp;Nodes:</translation>
    </message>
    <message>
        <source>A node label, or * for every node.</source>
        <translation>A node label, or * for every node.</translation>
    </message>
    <message>
        <source>&amp;May use:</source>
        <translation>&amp;May use:</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Grant</translation>
    </message>
    <message>
        <source>A label has no spaces.</source>
        <translation>A label has no spaces.</translation>
    </message>
    <message>
        <source>This grant exists already.</source>
        <translation>This grant exists already.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantModel</name>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Agent upgrade</source>
        <translation>Agent upgrade</translation>
    </message>
    <message>
        <source>Reboot</source>
        <translation>Reboot</translation>
    </message>
    <message>
        <source>Every user with the USER role</source>
        <translation>Every user with the USER role</translation>
    </message>
    <message>
        <source>Every node</source>
        <translation>Every node</translation>
    </message>
    <message>
        <source>Nodes labelled &quot;%1&quot;</source>
        <translation>Nodes labelled &quot;%1&quot;</translation>
    </message>
    <message>
        <source>User id %1</source>
        <translation>User id %1</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>May use</source>
        <translation>May use</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Granting Nginx is granting root on those nodes: whoever may edit nginx&apos;s configuration can make nginx, which runs as root, read or write any file.</source>
        <translation>Granting Nginx is granting root on those nodes: whoever may edit nginx&apos;s configuration can make nginx, which runs as root, read or write any file.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeGrantsPanel</name>
    <message>
        <source>%1 may now use %2 on %3.</source>
        <translation>%1 may now use %2 on %3.</translation>
    </message>
    <message>
        <source>Remove node grant</source>
        <translation>Remove node grant</translation>
    </message>
    <message>
        <source>Remove the grant of %1 on %2 for %3? They can no longer use it from now on.</source>
        <translation>Remove the grant of %1 on %2 for %3? They can no longer use it from now on.</translation>
    </message>
    <message>
        <source>The grant was not removed: %1</source>
        <translation>The grant was not removed: %1</translation>
    </message>
    <message>
        <source>Administrators may use every tool on every node; users only what they are granted here, and only what the node&apos;s agent allows. Viewers never act on nodes.</source>
        <translation>Administrators may use every tool on every node; users only what they are granted here, and only what the node&apos;s agent allows. Viewers never act on nodes.</translation>
    </message>
    <message>
        <source>Add grant...</source>
        <translation>Add grant...</translation>
    </message>
    <message>
        <source>Remove...</source>
        <translation>Remove...</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Let a user use a tool on nodes with a label.</source>
        <translation>Let a user use a tool on nodes with a label.</translation>
    </message>
    <message>
        <source>Remove the selected grant.</source>
        <translation>Remove the selected grant.</translation>
    </message>
    <message>
        <source>Select a grant first.</source>
        <translation>Select a grant first.</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Nobody is signed in.</translation>
    </message>
    <message>
        <source>The grants could not be read: %1</source>
        <translation>The grants could not be read: %1</translation>
    </message>
    <message>
        <source>Loading node grants...</source>
        <translation>Loading node grants...</translation>
    </message>
    <message>
        <source>No grants yet: users cannot act on any node. Add one to let a user, or every USER, use a tool on the nodes with a label.</source>
        <translation>No grants yet: users cannot act on any node. Add one to let a user, or every USER, use a tool on the nodes with a label.</translation>
    </message>
    <message>
        <source>Grants: %1</source>
        <translation>Grants: %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeListDelegate</name>
    <message>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>Agent version</source>
        <translation>Agent version</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>CPU use, the last 15 minutes</source>
        <translation>CPU use, the last 15 minutes</translation>
    </message>
    <message numerus="yes">
        <source>CPU use, the last 15 minutes: %n core(s)</source>
        <translation>
            <numerusform>CPU use, the last 15 minutes: %n core</numerusform>
            <numerusform>CPU use, the last 15 minutes: %n cores</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes: of %1</source>
        <translation>Memory use, the last 15 minutes: of %1</translation>
    </message>
    <message>
        <source>Memory use, the last 15 minutes</source>
        <translation>Memory use, the last 15 minutes</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes: of %1</source>
        <translation>Root file system use, the last 15 minutes: of %1</translation>
    </message>
    <message>
        <source>Root file system use, the last 15 minutes</source>
        <translation>Root file system use, the last 15 minutes</translation>
    </message>
    <message>
        <source>OS</source>
        <translation>OS</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capabilities</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeMetricsView</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Range:</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Last 15 minutes</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Last 6 hours</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
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
        <source>Swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>CPU (%)</source>
        <translation>CPU (%)</translation>
    </message>
    <message>
        <source>Memory and swap used (%)</source>
        <translation>Memory and swap used (%)</translation>
    </message>
    <message>
        <source>Disk used (%)</source>
        <translation>Disk used (%)</translation>
    </message>
    <message>
        <source>Load average</source>
        <translation>Load average</translation>
    </message>
    <message>
        <source>Network (%1)</source>
        <translation>Network (%1)</translation>
    </message>
    <message>
        <source>Disk reads and writes (%1)</source>
        <translation>Disk reads and writes (%1)</translation>
    </message>
    <message>
        <source>Select a node to see its history.</source>
        <translation>Select a node to see its history.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>The history could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Reading the history…</translation>
    </message>
    <message>
        <source>No reports in this range yet.</source>
        <translation>No reports in this range yet.</translation>
    </message>
    <message>
        <source>1-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>1-minute averages, shaded from lowest to highest · updated %1</translation>
    </message>
    <message>
        <source>15-minute averages, shaded from lowest to highest · updated %1</source>
        <translation>15-minute averages, shaded from lowest to highest · updated %1</translation>
    </message>
    <message>
        <source>Hourly averages, shaded from lowest to highest · updated %1</source>
        <translation>Hourly averages, shaded from lowest to highest · updated %1</translation>
    </message>
    <message>
        <source>Every report as the agent sent it · updated %1</source>
        <translation>Every report as the agent sent it · updated %1</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeNginxView</name>
    <message>
        <source>nginx started.</source>
        <translation>nginx started.</translation>
    </message>
    <message>
        <source>nginx stopped.</source>
        <translation>nginx stopped.</translation>
    </message>
    <message>
        <source>nginx restarted.</source>
        <translation>nginx restarted.</translation>
    </message>
    <message>
        <source>nginx reloaded its configuration.</source>
        <translation>nginx reloaded its configuration.</translation>
    </message>
    <message>
        <source>Delete site</source>
        <translation>Delete site</translation>
    </message>
    <message>
        <source>Delete the site &quot;%1&quot; from %2? Its file in sites-available and its link in sites-enabled are removed and nginx reloads.</source>
        <translation>Delete the site &quot;%1&quot; from %2? Its file in sites-available and its link in sites-enabled are removed and nginx reloads.</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; deleted.</source>
        <translation>Site &quot;%1&quot; deleted.</translation>
    </message>
    <message>
        <source>nginx refused this configuration; nothing was changed on the node.</source>
        <translation>nginx refused this configuration; nothing was changed on the node.</translation>
    </message>
    <message>
        <source>The main configuration</source>
        <translation>The main configuration</translation>
    </message>
    <message>
        <source>%1 saved; nginx -t accepted it.</source>
        <translation>%1 saved; nginx -t accepted it.</translation>
    </message>
    <message>
        <source>A self-signed certificate for %1 was created: %2</source>
        <translation>A self-signed certificate for %1 was created: %2</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; enabled; nginx reloaded.</source>
        <translation>Site &quot;%1&quot; enabled; nginx reloaded.</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot; disabled; nginx reloaded.</source>
        <translation>Site &quot;%1&quot; disabled; nginx reloaded.</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Reading nginx&apos;s state…</source>
        <translation>Reading nginx&apos;s state…</translation>
    </message>
    <message>
        <source>Running (pid %1)</source>
        <translation>Running (pid %1)</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>nginx %1</source>
        <translation>nginx %1</translation>
    </message>
    <message>
        <source>configuration test passed</source>
        <translation>configuration test passed</translation>
    </message>
    <message>
        <source>configuration test fails</source>
        <translation>configuration test fails</translation>
    </message>
    <message>
        <source>Select a site with a server name to see its certificate.</source>
        <translation>Select a site with a server name to see its certificate.</translation>
    </message>
    <message>
        <source>No site names a certificate for %1.</source>
        <translation>No site names a certificate for %1.</translation>
    </message>
    <message>
        <source>Reading the certificate for %1…</source>
        <translation>Reading the certificate for %1…</translation>
    </message>
    <message>
        <source>%1: issued to %2 by %3</source>
        <translation>%1: issued to %2 by %3</translation>
    </message>
    <message>
        <source>Valid %1 to %2</source>
        <translation>Valid %1 to %2</translation>
    </message>
    <message numerus="yes">
        <source>Expired %n day(s) ago</source>
        <translation>
            <numerusform>Expired %n day ago</numerusform>
            <numerusform>Expired %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>self-signed</translation>
    </message>
    <message>
        <source>Names: %1</source>
        <translation>Names: %1</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server names</source>
        <translation>Server names</translation>
    </message>
    <message>
        <source>Listens on</source>
        <translation>Listens on</translation>
    </message>
    <message>
        <source>New site</source>
        <translation>New site</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Main configuration</source>
        <translation>Main configuration</translation>
    </message>
    <message>
        <source>TLS certificate</source>
        <translation>TLS certificate</translation>
    </message>
    <message>
        <source>Generate self-signed</source>
        <translation>Generate self-signed</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Site name:</translation>
    </message>
    <message>
        <source>Save and test</source>
        <translation>Save and test</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose a site to edit, or New site</source>
        <translation>Choose a site to edit, or New site</translation>
    </message>
    <message>
        <source>Site &quot;%1&quot;</source>
        <translation>Site &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Stop nginx</source>
        <translation>Stop nginx</translation>
    </message>
    <message>
        <source>Stop nginx on %1? Every site it serves goes down until nginx is started again.</source>
        <translation>Stop nginx on %1? Every site it serves goes down until nginx is started again.</translation>
    </message>
    <message>
        <source>Select a node to see its nginx.</source>
        <translation>Select a node to see its nginx.</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>The node is offline</translation>
    </message>
    <message>
        <source>Its nginx is read from its agent: it shows here when the agent connects again.</source>
        <translation>Its nginx is read from its agent: it shows here when the agent connects again.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Select a site with a server name to make a certificate for it.</source>
        <translation>Select a site with a server name to make a certificate for it.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbeModel</name>
    <message>
        <source>This host refuses unprivileged ICMP echo, so the agent checked a TCP connection instead.</source>
        <translation>This host refuses unprivileged ICMP echo, so the agent checked a TCP connection instead.</translation>
    </message>
    <message>
        <source>No result yet</source>
        <translation>No result yet</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>%1, via TCP</source>
        <translation>%1, via TCP</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Last result</source>
        <translation>Last result</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProbesView</name>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Select a node to see the probes it runs.</source>
        <translation>Select a node to see the probes it runs.</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>The probes could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Reading the probes…</source>
        <translation>Reading the probes…</translation>
    </message>
    <message>
        <source>No probe runs on this node</source>
        <translation>No probe runs on this node</translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here. Define them under Alerts → Probes.</source>
        <translation>Probes for all nodes, for this node or for one of its labels run here. Define them under Alerts → Probes.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not run probes</source>
        <translation>This node&apos;s agent does not run probes</translation>
    </message>
    <message numerus="yes">
        <source>Its configuration does not grant &quot;probes&quot;, so the %n probe(s) defined for it do not run. Add probes to the agent&apos;s capabilities on the machine to run them.</source>
        <translation>
            <numerusform>Its configuration does not grant &quot;probes&quot;, so the %n probe defined for it does not run. Add probes to the agent&apos;s capabilities on the machine to run it.</numerusform>
            <numerusform>Its configuration does not grant &quot;probes&quot;, so the %n probes defined for it do not run. Add probes to the agent&apos;s capabilities on the machine to run them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Probes for all nodes, for this node or for one of its labels run here and check that a web page, a port or a host answers.</source>
        <translation>Probes for all nodes, for this node or for one of its labels run here and check that a web page, a port or a host answers.</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>New probe...</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessModel</name>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Sleeping</source>
        <translation>Sleeping</translation>
    </message>
    <message>
        <source>Waiting for I/O</source>
        <translation>Waiting for I/O</translation>
    </message>
    <message>
        <source>Zombie</source>
        <translation>Zombie</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>Traced</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Dead</translation>
    </message>
    <message>
        <source>Resident %1, virtual %2</source>
        <translation>Resident %1, virtual %2</translation>
    </message>
    <message>
        <source>%1 (%2), threads: %3</source>
        <translation>%1 (%2), threads: %3</translation>
    </message>
    <message>
        <source>Process %1, parent %2</source>
        <translation>Process %1, parent %2</translation>
    </message>
    <message>
        <source>The list cannot be sorted by this column.</source>
        <translation>The list cannot be sorted by this column.</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>CPU %</source>
        <translation>CPU %</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Memory</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeProcessesView</name>
    <message>
        <source>Kill...</source>
        <translation>Kill...</translation>
    </message>
    <message>
        <source>Sent SIG%1 to &quot;%2&quot; (pid %3).</source>
        <translation>Sent SIG%1 to &quot;%2&quot; (pid %3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (pid %2) was not signalled: %3</source>
        <translation>&quot;%1&quot; (pid %2) was not signalled: %3</translation>
    </message>
    <message>
        <source>Search pid, name, command line or user</source>
        <translation>Search pid, name, command line or user</translation>
    </message>
    <message>
        <source>Send a signal to the selected process; you choose which and confirm.</source>
        <translation>Send a signal to the selected process; you choose which and confirm.</translation>
    </message>
    <message>
        <source>Select a process first.</source>
        <translation>Select a process first.</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Select a node to see its processes.</source>
        <translation>Select a node to see its processes.</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>The node is offline</translation>
    </message>
    <message>
        <source>Its processes are read from its agent: they show here when the agent connects again.</source>
        <translation>Its processes are read from its agent: they show here when the agent connects again.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow processes</source>
        <translation>This node&apos;s agent does not allow processes</translation>
    </message>
    <message>
        <source>Its configuration does not grant &quot;processes&quot;. Add it to the agent&apos;s capabilities on the machine (--allow processes) to see and signal its processes here.</source>
        <translation>Its configuration does not grant &quot;processes&quot;. Add it to the agent&apos;s capabilities on the machine (--allow processes) to see and signal its processes here.</translation>
    </message>
    <message>
        <source>You may not see this node&apos;s processes</source>
        <translation>You may not see this node&apos;s processes</translation>
    </message>
    <message>
        <source>An administrator can grant you &quot;processes&quot; on this node or one of its labels under Users → Node grants.</source>
        <translation>An administrator can grant you &quot;processes&quot; on this node or one of its labels under Users → Node grants.</translation>
    </message>
    <message>
        <source>The processes could not be read</source>
        <translation>The processes could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Reading the processes...</source>
        <translation>Reading the processes...</translation>
    </message>
    <message>
        <source>No process matches</source>
        <translation>No process matches</translation>
    </message>
    <message>
        <source>No process has &quot;%1&quot; in its pid, name, command line or user.</source>
        <translation>No process has &quot;%1&quot; in its pid, name, command line or user.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>No processes</source>
        <translation>No processes</translation>
    </message>
    <message>
        <source>The agent listed none.</source>
        <translation>The agent listed none.</translation>
    </message>
    <message>
        <source>%1 of %2 processes (list cut by the agent: search to narrow it)</source>
        <translation>%1 of %2 processes (list cut by the agent: search to narrow it)</translation>
    </message>
    <message>
        <source>%1 of %2 processes</source>
        <translation>%1 of %2 processes</translation>
    </message>
    <message>
        <source>The list could not be refreshed: %1</source>
        <translation>The list could not be refreshed: %1</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeScopePicker</name>
    <message>
        <source>All nodes</source>
        <translation>All nodes</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>One node</translation>
    </message>
    <message>
        <source>Nodes with the label</source>
        <translation>Nodes with the label</translation>
    </message>
    <message>
        <source>Label, e.g. production</source>
        <translation>Label, e.g. production</translation>
    </message>
    <message>
        <source>No node enrolled yet</source>
        <translation>No node enrolled yet</translation>
    </message>
</context>
<context>
    <name>hm::app::NodeTerminalView</name>
    <message>
        <source>The node is offline: open a terminal when its agent connects again.</source>
        <translation>The node is offline: open a terminal when its agent connects again.</translation>
    </message>
    <message>
        <source>[process killed by signal %1]</source>
        <translation>[process killed by signal %1]</translation>
    </message>
    <message>
        <source>[process exited with code %1]</source>
        <translation>[process exited with code %1]</translation>
    </message>
    <message>
        <source>[session closed: idle for too long]</source>
        <translation>[session closed: idle for too long]</translation>
    </message>
    <message>
        <source>[session closed: the node&apos;s agent disconnected]</source>
        <translation>[session closed: the node&apos;s agent disconnected]</translation>
    </message>
    <message>
        <source>[session closed: the server is stopping]</source>
        <translation>[session closed: the server is stopping]</translation>
    </message>
    <message>
        <source>[session closed]</source>
        <translation>[session closed]</translation>
    </message>
    <message>
        <source>[connection lost]</source>
        <translation>[connection lost]</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Too many terminals are open (at most 4 of yours, 8 on one node): close one first.</source>
        <translation>Too many terminals are open (at most 4 of yours, 8 on one node): close one first.</translation>
    </message>
    <message>
        <source>This node&apos;s agent does not allow terminals: start it with --allow terminal.</source>
        <translation>This node&apos;s agent does not allow terminals: start it with --allow terminal.</translation>
    </message>
    <message>
        <source>The terminal was not opened: %1</source>
        <translation>The terminal was not opened: %1</translation>
    </message>
    <message>
        <source>The terminal could not be opened: %1</source>
        <translation>The terminal could not be opened: %1</translation>
    </message>
    <message>
        <source>No node selected</source>
        <translation>No node selected</translation>
    </message>
    <message>
        <source>Select a node to open a terminal on it.</source>
        <translation>Select a node to open a terminal on it.</translation>
    </message>
    <message>
        <source>The node is offline</source>
        <translation>The node is offline</translation>
    </message>
    <message>
        <source>A terminal runs through the node&apos;s agent: open one when the agent connects again.</source>
        <translation>A terminal runs through the node&apos;s agent: open one when the agent connects again.</translation>
    </message>
    <message>
        <source>No terminal on this node</source>
        <translation>No terminal on this node</translation>
    </message>
    <message>
        <source>Its agent must allow terminals (--allow terminal) and you need the &quot;terminal&quot; grant on it; administrators have it.</source>
        <translation>Its agent must allow terminals (--allow terminal) and you need the &quot;terminal&quot; grant on it; administrators have it.</translation>
    </message>
    <message>
        <source>The terminal could not be reattached: %1</source>
        <translation>The terminal could not be reattached: %1</translation>
    </message>
    <message>
        <source>[session closed: your access to this node&apos;s terminal was revoked]</source>
        <translation>[session closed: your access to this node&apos;s terminal was revoked]</translation>
    </message>
    <message>
        <source>The terminal&apos;s connection ended: %1. Its shell may still run on the node: reattach it from Sessions.</source>
        <translation>The terminal&apos;s connection ended: %1. Its shell may still run on the node: reattach it from Sessions.</translation>
    </message>
</context>
<context>
    <name>hm::app::NodesPage</name>
    <message>
        <source>No nodes yet</source>
        <translation>No nodes yet</translation>
    </message>
    <message>
        <source>More nodes could not be read: %1</source>
        <translation>More nodes could not be read: %1</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>Machines that run the HiveMind agent: their status, what they report and how to enrol more.</source>
        <translation>Machines that run the HiveMind agent: their status, what they report and how to enrol more.</translation>
    </message>
    <message>
        <source>Search name, description or address</source>
        <translation>Search name, description or address</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Only nodes with exactly this label.</source>
        <translation>Only nodes with exactly this label.</translation>
    </message>
    <message>
        <source>Enrol node...</source>
        <translation>Enrol node...</translation>
    </message>
    <message>
        <source>New enrolment secret...</source>
        <translation>New enrolment secret...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a node first.</source>
        <translation>Select a node first.</translation>
    </message>
    <message>
        <source>Create a node and the command that enrols its agent.</source>
        <translation>Create a node and the command that enrols its agent.</translation>
    </message>
    <message>
        <source>A new one-time secret; the node&apos;s current agent key is revoked.</source>
        <translation>A new one-time secret; the node&apos;s current agent key is revoked.</translation>
    </message>
    <message>
        <source>Delete the node and its history; its agent is disconnected.</source>
        <translation>Delete the node and its history; its agent is disconnected.</translation>
    </message>
    <message>
        <source>Sign in to see the nodes.</source>
        <translation>Sign in to see the nodes.</translation>
    </message>
    <message>
        <source>Loading nodes...</source>
        <translation>Loading nodes...</translation>
    </message>
    <message>
        <source>The nodes could not be read</source>
        <translation>The nodes could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No node matches</source>
        <translation>No node matches</translation>
    </message>
    <message>
        <source>No node has &quot;%1&quot; in its name, description or address.</source>
        <translation>No node has &quot;%1&quot; in its name, description or address.</translation>
    </message>
    <message>
        <source>No node with the label &quot;%1&quot; matches.</source>
        <translation>No node with the label &quot;%1&quot; matches.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>A node is a machine that runs the HiveMind agent and reports its status and metrics here. Enrol one: the console shows a command to run on the machine.</source>
        <translation>A node is a machine that runs the HiveMind agent and reports its status and metrics here. Enrol one: the console shows a command to run on the machine.</translation>
    </message>
    <message>
        <source>Enrol a node</source>
        <translation>Enrol a node</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n node(s) shown</source>
        <translation>
            <numerusform>%1 of %n node shown</numerusform>
            <numerusform>%1 of %n nodes shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete node</source>
        <translation>Delete node</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its reported history goes with it and its agent is disconnected at once; the agent cannot sign in again. This cannot be undone.</source>
        <translation>Delete &quot;%1&quot;? Its reported history goes with it and its agent is disconnected at once; the agent cannot sign in again. This cannot be undone.</translation>
    </message>
    <message>
        <source>The node was not deleted: %1</source>
        <translation>The node was not deleted: %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metrics</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Rename the node or change its labels and description.</source>
        <translation>Rename the node or change its labels and description.</translation>
    </message>
    <message>
        <source>Public status...</source>
        <translation>Public status...</translation>
    </message>
    <message>
        <source>Choose the nodes a public page shows to anyone who can reach the server, without signing in.</source>
        <translation>Choose the nodes a public page shows to anyone who can reach the server, without signing in.</translation>
    </message>
    <message>
        <source>Probes</source>
        <translation>Probes</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>Processes</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Files</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Nginx</source>
        <translation>Nginx</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Agent releases...</source>
        <translation>Agent releases...</translation>
    </message>
    <message>
        <source>The agent builds this server offers, and upgrades of many nodes&apos; agents in stages.</source>
        <translation>The agent builds this server offers, and upgrades of many nodes&apos; agents in stages.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::NumberField</name>
    <message>
        <source>From %1 to %2.</source>
        <translation>From %1 to %2.</translation>
    </message>
    <message>
        <source>At least %1.</source>
        <translation>At least %1.</translation>
    </message>
    <message>
        <source>At most %1.</source>
        <translation>At most %1.</translation>
    </message>
    <message>
        <source>A whole number.</source>
        <translation>A whole number.</translation>
    </message>
    <message>
        <source>A whole number. %1</source>
        <translation>A whole number. %1</translation>
    </message>
</context>
<context>
    <name>hm::app::ObjectField</name>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>hm::app::OpenAlertsCard</name>
    <message>
        <source>Open alerts</source>
        <translation>Open alerts</translation>
    </message>
    <message>
        <source>Show all alerts</source>
        <translation>Show all alerts</translation>
    </message>
    <message>
        <source>Open the Alerts section: every alert, the rules and channels.</source>
        <translation>Open the Alerts section: every alert, the rules and channels.</translation>
    </message>
    <message>
        <source>Sign in to see what is firing.</source>
        <translation>Sign in to see what is firing.</translation>
    </message>
    <message>
        <source>The alerts could not be read: %1</source>
        <translation>The alerts could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the alerts…</source>
        <translation>Reading the alerts…</translation>
    </message>
    <message>
        <source>Nothing is firing. Good.</source>
        <translation>Nothing is firing. Good.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) firing. Click one to see it in the Alerts section.</source>
        <translation>
            <numerusform>%n alert firing. Click one to see it in the Alerts section.</numerusform>
            <numerusform>%n alerts firing. Click one to see it in the Alerts section.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::PasswordResetDialog</name>
    <message>
        <source>Enter the e-mail address of your account.</source>
        <translation>Enter the e-mail address of your account.</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail.</source>
        <translation>Enter the code from the e-mail.</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>The two new passwords differ. Type the same password twice.</translation>
    </message>
    <message>
        <source>The code is wrong or was used before. Each code works once; ask for a new e-mail if needed.</source>
        <translation>The code is wrong or was used before. Each code works once; ask for a new e-mail if needed.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new e-mail.</source>
        <translation>The code has expired. Ask for a new e-mail.</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>The server&apos;s password policy refused the new password: %1</translation>
    </message>
    <message>
        <source>This server does not send e-mail. Ask an administrator to reset your password.</source>
        <translation>This server does not send e-mail. Ask an administrator to reset your password.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a minute and try again.</source>
        <translation>Too many attempts. Wait a minute and try again.</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>The request failed: %1</translation>
    </message>
    <message>
        <source>Reset Password</source>
        <translation>Reset Password</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-mail address:</translation>
    </message>
    <message>
        <source>&amp;Code from the e-mail:</source>
        <translation>&amp;Code from the e-mail:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>checked against the server&apos;s password policy</translation>
    </message>
    <message>
        <source>Enter the e-mail address of your account. If it belongs to an account, the server mails a code that sets a new password.</source>
        <translation>Enter the e-mail address of your account. If it belongs to an account, the server mails a code that sets a new password.</translation>
    </message>
    <message>
        <source>If the address belongs to an account, an e-mail with a code is on its way. The code works once, for one hour.</source>
        <translation>If the address belongs to an account, an e-mail with a code is on its way. The code works once, for one hour.</translation>
    </message>
    <message>
        <source>Enter the code from the e-mail and choose a new password.</source>
        <translation>Enter the code from the e-mail and choose a new password.</translation>
    </message>
    <message>
        <source>I &amp;Have a Code</source>
        <translation>I &amp;Have a Code</translation>
    </message>
    <message>
        <source>Set &amp;Password</source>
        <translation>Set &amp;Password</translation>
    </message>
    <message>
        <source>&amp;Send E-mail</source>
        <translation>&amp;Send E-mail</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbeDialog</name>
    <message>
        <source>Edit probe</source>
        <translation>Edit probe</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>New probe</translation>
    </message>
    <message>
        <source>The agents of the nodes a probe covers check the target every interval and report whether it answered, how fast and, for HTTPS, how long its certificate is valid.</source>
        <translation>The agents of the nodes a probe covers check the target every interval and report whether it answered, how fast and, for HTTPS, how long its certificate is valid.</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>&amp;Id:</translation>
    </message>
    <message>
        <source>e.g. website (a-z, 0-9, _ and -)</source>
        <translation>e.g. website (a-z, 0-9, _ and -)</translation>
    </message>
    <message>
        <source>The id names the probe&apos;s metrics and never changes.</source>
        <translation>The id names the probe&apos;s metrics and never changes.</translation>
    </message>
    <message>
        <source>Names the probe&apos;s metrics (probe.&lt;id&gt;.up); it never changes.</source>
        <translation>Names the probe&apos;s metrics (probe.&lt;id&gt;.up); it never changes.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Target:</translation>
    </message>
    <message>
        <source>Optional: text the answer must contain</source>
        <translation>Optional: text the answer must contain</translation>
    </message>
    <message>
        <source>E&amp;xpected status:</source>
        <translation>E&amp;xpected status:</translation>
    </message>
    <message>
        <source>Any 2xx or 3xx</source>
        <translation>Any 2xx or 3xx</translation>
    </message>
    <message>
        <source>&amp;Verify the TLS certificate</source>
        <translation>&amp;Verify the TLS certificate</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>&amp;Every:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>At most 60 seconds, and shorter than the interval.</source>
        <translation>At most 60 seconds, and shorter than the interval.</translation>
    </message>
    <message>
        <source>&amp;Runs on:</source>
        <translation>&amp;Runs on:</translation>
    </message>
    <message>
        <source>A disabled probe is kept but not run.</source>
        <translation>A disabled probe is kept but not run.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A probe needs an id.</source>
        <translation>A probe needs an id.</translation>
    </message>
    <message>
        <source>A probe needs a name.</source>
        <translation>A probe needs a name.</translation>
    </message>
    <message>
        <source>A probe needs a target.</source>
        <translation>A probe needs a target.</translation>
    </message>
    <message>
        <source>Pick the node the probe runs on.</source>
        <translation>Pick the node the probe runs on.</translation>
    </message>
    <message>
        <source>Key&amp;word:</source>
        <translation>Key&amp;word:</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>Ti&amp;meout:</translation>
    </message>
    <message>
        <source>Ena&amp;bled</source>
        <translation>Ena&amp;bled</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbeModel</name>
    <message>
        <source>Id: %1 (its metrics: probe.%1.*)</source>
        <translation>Id: %1 (its metrics: probe.%1.*)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>Runs on</translation>
    </message>
</context>
<context>
    <name>hm::app::ProbesTab</name>
    <message>
        <source>Loading probes...</source>
        <translation>Loading probes...</translation>
    </message>
    <message>
        <source>New probe...</source>
        <translation>New probe...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a probe first.</source>
        <translation>Select a probe first.</translation>
    </message>
    <message>
        <source>An HTTP(S) URL, a TCP port or a host to ping that the agents check.</source>
        <translation>An HTTP(S) URL, a TCP port or a host to ping that the agents check.</translation>
    </message>
    <message>
        <source>Change what the probe checks, how often and where.</source>
        <translation>Change what the probe checks, how often and where.</translation>
    </message>
    <message>
        <source>Delete the probe; the agents stop running it.</source>
        <translation>Delete the probe; the agents stop running it.</translation>
    </message>
    <message>
        <source>The probes could not be read</source>
        <translation>The probes could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No probes yet</source>
        <translation>No probes yet</translation>
    </message>
    <message>
        <source>A probe has the agents check a website, a TCP port or a host besides their own machine: whether it answers, how fast and how long its certificate is valid. Alert rules of the types Probe down and Certificate watch the results.</source>
        <translation>A probe has the agents check a website, a TCP port or a host besides their own machine: whether it answers, how fast and how long its certificate is valid. Alert rules of the types Probe down and Certificate watch the results.</translation>
    </message>
    <message>
        <source>New probe</source>
        <translation>New probe</translation>
    </message>
    <message>
        <source>Delete probe</source>
        <translation>Delete probe</translation>
    </message>
    <message>
        <source>Delete the probe &quot;%1&quot;? The agents stop running it; alert rules on it no longer fire.</source>
        <translation>Delete the probe &quot;%1&quot;? The agents stop running it; alert rules on it no longer fire.</translation>
    </message>
    <message>
        <source>The probe was not deleted: %1</source>
        <translation>The probe was not deleted: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n probe(s)</source>
        <translation>
            <numerusform>%n probe</numerusform>
            <numerusform>%n probes</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemText</name>
    <message>
        <source>The flow definition is malformed at %1.</source>
        <translation>The flow definition is malformed at %1.</translation>
    </message>
    <message>
        <source>The flow definition uses schema version %1, which this server cannot read.</source>
        <translation>The flow definition uses schema version %1, which this server cannot read.</translation>
    </message>
    <message>
        <source>The node id “%1” is used more than once.</source>
        <translation>The node id “%1” is used more than once.</translation>
    </message>
    <message>
        <source>The connection id “%1” is used more than once.</source>
        <translation>The connection id “%1” is used more than once.</translation>
    </message>
    <message>
        <source>Connection “%1” leads to “%2”, which is not a node of this flow.</source>
        <translation>Connection “%1” leads to “%2”, which is not a node of this flow.</translation>
    </message>
    <message>
        <source>Connection “%1” leaves node “%2” from “%3”, which its component does not have.</source>
        <translation>Connection “%1” leaves node “%2” from “%3”, which its component does not have.</translation>
    </message>
    <message>
        <source>Connection “%1” enters node “%2” at “%3”, which is not one of its inputs.</source>
        <translation>Connection “%1” enters node “%2” at “%3”, which is not one of its inputs.</translation>
    </message>
    <message>
        <source>The flow has a cycle: %1.</source>
        <translation>The flow has a cycle: %1.</translation>
    </message>
    <message>
        <source>Node “%1” uses the component %2, which the server does not know.</source>
        <translation>Node “%1” uses the component %2, which the server does not know.</translation>
    </message>
    <message>
        <source>Node “%1” uses version %3 of %2, which does not exist (known versions: %4).</source>
        <translation>Node “%1” uses version %3 of %2, which does not exist (known versions: %4).</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” is required: map it to a value.</source>
        <translation>Input “%2” of node “%1” is required: map it to a value.</translation>
    </message>
    <message>
        <source>Node “%1” maps “%2”, which is not an input of its component.</source>
        <translation>Node “%1” maps “%2”, which is not an input of its component.</translation>
    </message>
    <message>
        <source>The mapping of input “%2” of node “%1” cannot be read.</source>
        <translation>The mapping of input “%2” of node “%1” cannot be read.</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from “%3”, which is not a node of this flow.</source>
        <translation>Input “%2” of node “%1” reads from “%3”, which is not a node of this flow.</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads from node “%3”, which does not run before it: connect “%3” upstream of “%1”.</source>
        <translation>Input “%2” of node “%1” reads from node “%3”, which does not run before it: connect “%3” upstream of “%1”.</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” reads output “%4” of node “%3”, which its component does not have.</source>
        <translation>Input “%2” of node “%1” reads output “%4” of node “%3”, which its component does not have.</translation>
    </message>
    <message>
        <source>Input “%2” of node “%1” takes %3, but its mapping gives %4.</source>
        <translation>Input “%2” of node “%1” takes %3, but its mapping gives %4.</translation>
    </message>
    <message>
        <source>The configuration of node “%1” needs a value for %2.</source>
        <translation>The configuration of node “%1” needs a value for %2.</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2.</source>
        <translation>The configuration of node “%1” is not valid at %2.</translation>
    </message>
    <message>
        <source>The configuration of node “%1” is not valid at %2: %3</source>
        <translation>The configuration of node “%1” is not valid at %2: %3</translation>
    </message>
    <message>
        <source>The configuration schema of component %1 cannot be used.</source>
        <translation>The configuration schema of component %1 cannot be used.</translation>
    </message>
    <message>
        <source>The flow setting %1 is not valid.</source>
        <translation>The flow setting %1 is not valid.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>The configuration of node “%1” cannot be used: %2</source>
        <translation>The configuration of node “%1” cannot be used: %2</translation>
    </message>
    <message>
        <source>The expression “%3” at %2 in the configuration of node “%1” cannot run: write a value, or read the node&apos;s inputs with “$.inputs…”.</source>
        <translation>The expression “%3” at %2 in the configuration of node “%1” cannot run: write a value, or read the node&apos;s inputs with “$.inputs…”.</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemsModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Found by</translation>
    </message>
</context>
<context>
    <name>hm::app::ProblemsPanel</name>
    <message>
        <source>Problems (%1)</source>
        <translation>Problems (%1)</translation>
    </message>
    <message>
        <source>No problems found. The editor checks the flow as you edit it.</source>
        <translation>No problems found. The editor checks the flow as you edit it.</translation>
    </message>
</context>
<context>
    <name>hm::app::PublicStatusDialog</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A field the server refused and its rule: &quot;Title: at most 100 characters...&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Public status</source>
        <translation>Public status</translation>
    </message>
    <message>
        <source>A read-only page of chosen nodes for people without an account: their status, usage and availability.</source>
        <translation>A read-only page of chosen nodes for people without an account: their status, usage and availability.</translation>
    </message>
    <message>
        <source>&amp;Public status page on</source>
        <translation>&amp;Public status page on</translation>
    </message>
    <message>
        <source>When on, anyone who can reach this server can see the chosen nodes without signing in.</source>
        <translation>When on, anyone who can reach this server can see the chosen nodes without signing in.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Shown at the top of the page</source>
        <translation>Shown at the top of the page</translation>
    </message>
    <message>
        <source>Show IP &amp;addresses</source>
        <translation>Show IP &amp;addresses</translation>
    </message>
    <message>
        <source>Warning: the page then shows every chosen node&apos;s IP address to anyone who opens it.</source>
        <translation>Warning: the page then shows every chosen node&apos;s IP address to anyone who opens it.</translation>
    </message>
    <message>
        <source>&amp;Nodes on the page (ticked), in this order; new ones go last:</source>
        <translation>&amp;Nodes on the page (ticked), in this order; new ones go last:</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Shown instead of the node&apos;s name; empty: the node&apos;s name.</source>
        <translation>Shown instead of the node&apos;s name; empty: the node&apos;s name.</translation>
    </message>
    <message>
        <source>Page &amp;address:</source>
        <translation>Page &amp;address:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The page is off: this address answers &quot;not found&quot; until it is turned on.</source>
        <translation>The page is off: this address answers &quot;not found&quot; until it is turned on.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Reading the settings and the fleet&apos;s nodes...</source>
        <translation>Reading the settings and the fleet&apos;s nodes...</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>The page in the visitor&apos;s language, live; its data as JSON for a monitor is at /public/api/v1/status.</source>
        <translation>The page in the visitor&apos;s language, live; its data as JSON for a monitor is at /public/api/v1/status.</translation>
    </message>
</context>
<context>
    <name>hm::app::QuickAddPopup</name>
    <message>
        <source>Add a component…</source>
        <translation>Add a component…</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <source>Calls %1 %2 of %3.</source>
        <translation>Calls %1 %2 of %3.</translation>
    </message>
</context>
<context>
    <name>hm::app::RawJsonEditor</name>
    <message>
        <source>This is not valid JSON (line %1, column %2): %3</source>
        <translation>This is not valid JSON (line %1, column %2): %3</translation>
    </message>
    <message>
        <source>Enter a JSON object: { … }.</source>
        <translation>Enter a JSON object: { … }.</translation>
    </message>
    <message>
        <source>%1: not valid (%2)</source>
        <translation>%1: not valid (%2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The flow&apos;s settings as JSON. Valid changes apply as you type.</source>
        <translation>The flow&apos;s settings as JSON. Valid changes apply as you type.</translation>
    </message>
    <message>
        <source>The configuration of node “%1” as JSON. Valid changes apply as you type.</source>
        <translation>The configuration of node “%1” as JSON. Valid changes apply as you type.</translation>
    </message>
</context>
<context>
    <name>hm::app::ReauthenticateDialog</name>
    <message>
        <source>Code:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 digits from your authenticator app</translation>
    </message>
    <message>
        <source>Confirm it is you</source>
        <translation>Confirm it is you</translation>
    </message>
    <message>
        <source>A terminal on &quot;%1&quot; runs commands on that machine. Confirm your password to open it; you are not asked again for 5 minutes.</source>
        <translation>A terminal on &quot;%1&quot; runs commands on that machine. Confirm your password to open it; you are not asked again for 5 minutes.</translation>
    </message>
    <message>
        <source>Use a code from my authenticator app instead</source>
        <translation>Use a code from my authenticator app instead</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>This changes the agent running on &quot;%1&quot;. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>This changes the agent running on &quot;%1&quot;. Confirm your password to go on; you are not asked again for 5 minutes.</translation>
    </message>
    <message>
        <source>This replaces the agent on every node you chose. Confirm your password to go on; you are not asked again for 5 minutes.</source>
        <translation>This replaces the agent on every node you chose. Confirm your password to go on; you are not asked again for 5 minutes.</translation>
    </message>
    <message>
        <source>The code was wrong. Type the current one from your authenticator app.</source>
        <translation>The code was wrong. Type the current one from your authenticator app.</translation>
    </message>
    <message>
        <source>The password was wrong. Type it again.</source>
        <translation>The password was wrong. Type it again.</translation>
    </message>
</context>
<context>
    <name>hm::app::RegisterDialog</name>
    <message>
        <source>Enter your e-mail address.</source>
        <translation>Enter your e-mail address.</translation>
    </message>
    <message>
        <source>Choose a password.</source>
        <translation>Choose a password.</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same password twice.</source>
        <translation>The two passwords differ. Type the same password twice.</translation>
    </message>
    <message>
        <source>An account with this e-mail address exists already.</source>
        <translation>An account with this e-mail address exists already.</translation>
    </message>
    <message>
        <source>This user name is taken. Choose another.</source>
        <translation>This user name is taken. Choose another.</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the password: %1</source>
        <translation>The server&apos;s password policy refused the password: %1</translation>
    </message>
    <message>
        <source>This server does not allow registration any more.</source>
        <translation>This server does not allow registration any more.</translation>
    </message>
    <message>
        <source>Registration failed: %1</source>
        <translation>Registration failed: %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Create an account on this server. An administrator may change its role later.</source>
        <translation>Create an account on this server. An administrator may change its role later.</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;E-mail address:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>optional: the part of the address before @</source>
        <translation>optional: the part of the address before @</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>checked against the server&apos;s password policy</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>hm::app::ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>New password for %1 (their sessions end):</source>
        <translation>New password for %1 (their sessions end):</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>checked against the server&apos;s password policy</translation>
    </message>
    <message>
        <source>Must choose a new password at the next sign-in</source>
        <translation>Must choose a new password at the next sign-in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>hm::app::RetentionSettingsTab</name>
    <message>
        <source>read the retention settings</source>
        <translation>read the retention settings</translation>
    </message>
    <message>
        <source>read the store&apos;s size</source>
        <translation>read the store&apos;s size</translation>
    </message>
    <message>
        <source>%1 per hour</source>
        <translation>%1 per hour</translation>
    </message>
    <message>
        <source>not known yet (a minute of samples needed)</source>
        <translation>not known yet (a minute of samples needed)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>The server&apos;s disk is full: new executions are refused until space is freed. Running ones finish.</source>
        <translation>The server&apos;s disk is full: new executions are refused until space is freed. Running ones finish.</translation>
    </message>
    <message>
        <source>The server&apos;s disk is almost full: below %1 free, new executions will be refused. Lower the limits or free space.</source>
        <translation>The server&apos;s disk is almost full: below %1 free, new executions will be refused. Lower the limits or free space.</translation>
    </message>
    <message>
        <source>Used (MiB)</source>
        <translation>Used (MiB)</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>save the retention settings</source>
        <translation>save the retention settings</translation>
    </message>
    <message>
        <source>Saved. The next pass applies it.</source>
        <translation>Saved. The next pass applies it.</translation>
    </message>
    <message>
        <source>Applying retention…</source>
        <translation>Applying retention…</translation>
    </message>
    <message>
        <source>apply retention</source>
        <translation>apply retention</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n execution(s).</source>
        <translation>
            <numerusform>Removed %n execution.</numerusform>
            <numerusform>Removed %n executions.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only administrators change history retention.</source>
        <translation>Only administrators change history retention.</translation>
    </message>
    <message>
        <source>History retention (every flow)</source>
        <translation>History retention (every flow)</translation>
    </message>
    <message>
        <source>Keep executions for (days)</source>
        <translation>Keep executions for (days)</translation>
    </message>
    <message>
        <source>Executions kept per flow</source>
        <translation>Executions kept per flow</translation>
    </message>
    <message>
        <source>Largest database size (MiB)</source>
        <translation>Largest database size (MiB)</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>0 means no limit. Only ended executions are removed, oldest first, in the background; a flow&apos;s own limits (its properties) come before these.</source>
        <translation>0 means no limit. Only ended executions are removed, oldest first, in the background; a flow&apos;s own limits (its properties) come before these.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Apply Now</source>
        <translation>Apply Now</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Used by data</source>
        <translation>Used by data</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Growth</translation>
    </message>
    <message>
        <source>Free disk space</source>
        <translation>Free disk space</translation>
    </message>
    <message>
        <source>The chart of the used size appears once the server has taken two samples (one a minute).</source>
        <translation>The chart of the used size appears once the server has taken two samples (one a minute).</translation>
    </message>
</context>
<context>
    <name>hm::app::RunStatus</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelling</source>
        <translation>Cancelling</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaField</name>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaForm</name>
    <message>
        <source>Default: %1</source>
        <translation>Default: %1</translation>
    </message>
    <message>
        <source>The component&apos;s configuration schema cannot be used, so the configuration is not checked here.</source>
        <translation>The component&apos;s configuration schema cannot be used, so the configuration is not checked here.</translation>
    </message>
    <message>
        <source>Configuration (JSON)</source>
        <translation>Configuration (JSON)</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaRefreshDialog</name>
    <message>
        <source>Refresh schema of %1</source>
        <translation>Refresh schema of %1</translation>
    </message>
    <message>
        <source>&amp;Apply changes</source>
        <translation>&amp;Apply changes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Nothing was stored: %1</source>
        <translation>Nothing was stored: %1</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Reading the document again...</source>
        <translation>Reading the document again...</translation>
    </message>
    <message>
        <source>Applying...</source>
        <translation>Applying...</translation>
    </message>
    <message numerus="yes">
        <source>The document at %1 has not changed: %n endpoint(s) as stored.</source>
        <translation>
            <numerusform>The document at %1 has not changed: %n endpoint as stored.</numerusform>
            <numerusform>The document at %1 has not changed: %n endpoints as stored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1: %2 added, %3 changed, %4 removed, %5 unchanged. Nothing is stored until you apply.</source>
        <translation>Read from %1: %2 added, %3 changed, %4 removed, %5 unchanged. Nothing is stored until you apply.</translation>
    </message>
    <message>
        <source>+ Added</source>
        <translation>+ Added</translation>
    </message>
    <message>
        <source>~ Changed</source>
        <translation>~ Changed</translation>
    </message>
    <message>
        <source>− Removed</source>
        <translation>− Removed</translation>
    </message>
    <message>
        <source>changed: %1</source>
        <translation>changed: %1</translation>
    </message>
    <message>
        <source>%1 — kept as removed; flows using it fail with a clear error</source>
        <translation>%1 — kept as removed; flows using it fail with a clear error</translation>
    </message>
</context>
<context>
    <name>hm::app::SchemaText</name>
    <message>
        <source>Enter text.</source>
        <translation>Enter text.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Enter a number.</translation>
    </message>
    <message>
        <source>Choose true or false.</source>
        <translation>Choose true or false.</translation>
    </message>
    <message>
        <source>Enter a JSON object.</source>
        <translation>Enter a JSON object.</translation>
    </message>
    <message>
        <source>Enter a list.</source>
        <translation>Enter a list.</translation>
    </message>
    <message>
        <source>This value has the wrong type.</source>
        <translation>This value has the wrong type.</translation>
    </message>
    <message>
        <source>Enter a value of at least %1.</source>
        <translation>Enter a value of at least %1.</translation>
    </message>
    <message>
        <source>Enter a value greater than %1.</source>
        <translation>Enter a value greater than %1.</translation>
    </message>
    <message>
        <source>Enter a value of at most %1.</source>
        <translation>Enter a value of at most %1.</translation>
    </message>
    <message>
        <source>Enter a value less than %1.</source>
        <translation>Enter a value less than %1.</translation>
    </message>
    <message>
        <source>Enter a multiple of %1.</source>
        <translation>Enter a multiple of %1.</translation>
    </message>
    <message numerus="yes">
        <source>Enter at least %n character(s).</source>
        <translation>
            <numerusform>Enter at least %n character.</numerusform>
            <numerusform>Enter at least %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Enter at most %n character(s).</source>
        <translation>
            <numerusform>Enter at most %n character.</numerusform>
            <numerusform>Enter at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n item(s).</source>
        <translation>
            <numerusform>Add at least %n item.</numerusform>
            <numerusform>Add at least %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n item(s).</source>
        <translation>
            <numerusform>Keep at most %n item.</numerusform>
            <numerusform>Keep at most %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>Choose one of: %1.</translation>
    </message>
    <message>
        <source>Enter %1.</source>
        <translation>Enter %1.</translation>
    </message>
    <message>
        <source>Enter text that matches %1.</source>
        <translation>Enter text that matches %1.</translation>
    </message>
    <message>
        <source>Enter a date and time such as 2024-01-31T13:45:00Z.</source>
        <translation>Enter a date and time such as 2024-01-31T13:45:00Z.</translation>
    </message>
    <message>
        <source>Enter a date such as 2024-01-31.</source>
        <translation>Enter a date such as 2024-01-31.</translation>
    </message>
    <message>
        <source>Enter a time such as 13:45:00Z.</source>
        <translation>Enter a time such as 13:45:00Z.</translation>
    </message>
    <message numerus="yes">
        <source>Add at least %n member(s).</source>
        <translation>
            <numerusform>Add at least %n member.</numerusform>
            <numerusform>Add at least %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep at most %n member(s).</source>
        <translation>
            <numerusform>Keep at most %n member.</numerusform>
            <numerusform>Keep at most %n members.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a setting this component knows.</source>
        <translation>“%1” is not a setting this component knows.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Required.</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionEmptyState</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionFrame</name>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>%1 needs a server. The console connects by itself; the status bar shows how it is going and can try again at once.</source>
        <translation>%1 needs a server. The console connects by itself; the status bar shows how it is going and can try again at once.</translation>
    </message>
    <message>
        <source>Sign in to see %1</source>
        <translation>Sign in to see %1</translation>
    </message>
    <message>
        <source>Sign In…</source>
        <translation>Sign In…</translation>
    </message>
    <message>
        <source>%1 is not open to your role</source>
        <translation>%1 is not open to your role</translation>
    </message>
    <message>
        <source>Your role cannot open this section. An administrator can change the roles of accounts in Users.</source>
        <translation>Your role cannot open this section. An administrator can change the roles of accounts in Users.</translation>
    </message>
    <message>
        <source>%1 needs a newer server</source>
        <translation>%1 needs a newer server</translation>
    </message>
    <message>
        <source>The server this console is connected to (version %1) does not offer %2. Update the server to use it; the rest of the console works as before.</source>
        <translation>The server this console is connected to (version %1) does not offer %2. Update the server to use it; the rest of the console works as before.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>hm::app::SectionHeader</name>
    <message>
        <source>Search by name</source>
        <translation>Search by name</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Read the list again (%1)</source>
        <translation>Read the list again (%1)</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceCredentialPicker</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>The linked credential (not readable by you)</source>
        <translation>The linked credential (not readable by you)</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceDetailsPage</name>
    <message>
        <source>The service</source>
        <translation>The service</translation>
    </message>
    <message>
        <source>Where the service answers. Its OpenAPI document is looked for at the usual paths under the base URL unless you give its URL.</source>
        <translation>Where the service answers. Its OpenAPI document is looked for at the usual paths under the base URL unless you give its URL.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Display name:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Base URL:</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>&amp;Schema URL:</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Credential:</translation>
    </message>
    <message>
        <source>unique; letters, digits, - _ .</source>
        <translation>unique; letters, digits, - _ .</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>The credentials could not be read: %1</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>optional: %1 or an absolute URL</translation>
    </message>
    <message>
        <source>Injected into every call: user name and password, bearer token, API key or OAuth2 credentials.</source>
        <translation>Injected into every call: user name and password, bearer token, API key or OAuth2 credentials.</translation>
    </message>
    <message>
        <source>The base URL must be an http or https address: the server calls nothing else.</source>
        <translation>The base URL must be an http or https address: the server calls nothing else.</translation>
    </message>
    <message>
        <source>The server reads only http and https URLs, or a path under the base URL (starting with &quot;/&quot;). For a document on this computer, use Import from file... or drop the file here.</source>
        <translation>The server reads only http and https URLs, or a path under the base URL (starting with &quot;/&quot;). For a document on this computer, use Import from file... or drop the file here.</translation>
    </message>
    <message>
        <source>The OpenAPI document is read from the file %1 (%2). Type a schema URL to use it instead.</source>
        <translation>The OpenAPI document is read from the file %1 (%2). Type a schema URL to use it instead.</translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation>optional; the name when empty</translation>
    </message>
    <message>
        <source>Import OpenAPI document</source>
        <translation>Import OpenAPI document</translation>
    </message>
    <message>
        <source>OpenAPI documents (*.json *.yaml *.yml)</source>
        <translation>OpenAPI documents (*.json *.yaml *.yml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>%1 could not be read: %2</source>
        <translation>%1 could not be read: %2</translation>
    </message>
    <message>
        <source>%1 is larger than the server reads (16 MiB).</source>
        <translation>%1 is larger than the server reads (16 MiB).</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 is empty.</translation>
    </message>
    <message>
        <source>&amp;Import from file...</source>
        <translation>&amp;Import from file...</translation>
    </message>
    <message>
        <source>Read a local OpenAPI document (JSON or YAML) and send its text to the server; you can also drop the file on this window.</source>
        <translation>Read a local OpenAPI document (JSON or YAML) and send its text to the server; you can also drop the file on this window.</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceEditDialog</name>
    <message>
        <source>Edit service %1</source>
        <translation>Edit service %1</translation>
    </message>
    <message>
        <source>Flows and the audit log know the service as &quot;%1&quot;; that name stays. Changing the base URL or the schema URL does not read the document again: use Refresh schema afterwards.</source>
        <translation>Flows and the audit log know the service as &quot;%1&quot;; that name stays. Changing the base URL or the schema URL does not read the document again: use Refresh schema afterwards.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>&amp;Base URL:</translation>
    </message>
    <message>
        <source>&amp;Schema URL:</source>
        <translation>&amp;Schema URL:</translation>
    </message>
    <message>
        <source>&amp;Credential:</source>
        <translation>&amp;Credential:</translation>
    </message>
    <message>
        <source>shown in lists and the flow editor</source>
        <translation>shown in lists and the flow editor</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>optional: %1 or an absolute URL</source>
        <translation>optional: %1 or an absolute URL</translation>
    </message>
    <message>
        <source>Reading the credentials...</source>
        <translation>Reading the credentials...</translation>
    </message>
    <message>
        <source>The credentials could not be read: %1</source>
        <translation>The credentials could not be read: %1</translation>
    </message>
    <message>
        <source>Injected into every call the service&apos;s endpoints make.</source>
        <translation>Injected into every call the service&apos;s endpoints make.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The service was not saved: %1</source>
        <translation>The service was not saved: %1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceListModel</name>
    <message>
        <source>No OpenAPI document: endpoints added by hand</source>
        <translation>No OpenAPI document: endpoints added by hand</translation>
    </message>
    <message>
        <source>Document read from %1</source>
        <translation>Document read from %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Linked</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Credential</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceProbePage</name>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Register it without a document; I will add the endpoints by hand</source>
        <translation>Register it without a document; I will add the endpoints by hand</translation>
    </message>
    <message>
        <source>Looking for the OpenAPI document...</source>
        <translation>Looking for the OpenAPI document...</translation>
    </message>
    <message numerus="yes">
        <source>Found a document with %n endpoint(s) to import.</source>
        <translation>
            <numerusform>Found a document with %n endpoint to import.</numerusform>
            <numerusform>Found a document with %n endpoints to import.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read from %1
%2 %3 (OpenAPI %4)</source>
        <translation>Read from %1
%2 %3 (OpenAPI %4)</translation>
    </message>
    <message>
        <source>No document: %1</source>
        <translation>No document: %1</translation>
    </message>
    <message>
        <source>Go back to correct the base URL or give the schema URL.</source>
        <translation>Go back to correct the base URL or give the schema URL.</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>What the server finds at the service, before anything is saved.</source>
        <translation>What the server finds at the service, before anything is saved.</translation>
    </message>
    <message>
        <source>the file %1</source>
        <translation>the file %1</translation>
    </message>
    <message>
        <source>Go back to import another file or give the schema URL.</source>
        <translation>Go back to import another file or give the schema URL.</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceSchemaTree</name>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Select an endpoint to see its schema.</source>
        <translation>Select an endpoint to see its schema.</translation>
    </message>
    <message>
        <source>Parameters (%1)</source>
        <translation>Parameters (%1)</translation>
    </message>
    <message>
        <source>No parameters</source>
        <translation>No parameters</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Request body</translation>
    </message>
    <message>
        <source>Request body (%1)</source>
        <translation>Request body (%1)</translation>
    </message>
    <message>
        <source>No request body</source>
        <translation>No request body</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Responses</translation>
    </message>
    <message>
        <source>No responses described</source>
        <translation>No responses described</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceTestDialog</name>
    <message>
        <source>Test call to %1</source>
        <translation>Test call to %1</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>GET the base URL (%1)</source>
        <translation>GET the base URL (%1)</translation>
    </message>
    <message>
        <source>Request &amp;body (JSON):</source>
        <translation>Request &amp;body (JSON):</translation>
    </message>
    <message>
        <source>No body is sent while this is empty.</source>
        <translation>No body is sent while this is empty.</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(not sent)</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>%1 (%2, %3) *</source>
        <translation>%1 (%2, %3) *</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>No parameters.</source>
        <translation>No parameters.</translation>
    </message>
    <message>
        <source>Parameters (* required):</source>
        <translation>Parameters (* required):</translation>
    </message>
    <message>
        <source>Fill in the required parameters: %1</source>
        <translation>Fill in the required parameters: %1</translation>
    </message>
    <message>
        <source>The body is not JSON (at character %1): %2</source>
        <translation>The body is not JSON (at character %1): %2</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>Sending...</translation>
    </message>
    <message>
        <source>Error %1: %2</source>
        <translation>Error %1: %2</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <source>Error %1: %2 (%3 ms)</source>
        <translation>Error %1: %2 (%3 ms)</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms — %3 %4</source>
        <translation>HTTP %1 in %2 ms — %3 %4</translation>
    </message>
    <message>
        <source>(cut off after the first 64 KiB)</source>
        <translation>(cut off after the first 64 KiB)</translation>
    </message>
</context>
<context>
    <name>hm::app::ServiceWizard</name>
    <message>
        <source>New service</source>
        <translation>New service</translation>
    </message>
    <message>
        <source>&amp;Probe &gt;</source>
        <translation>&amp;Probe &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Registering...</source>
        <translation>Registering...</translation>
    </message>
    <message>
        <source>The service was not registered: %1</source>
        <translation>The service was not registered: %1</translation>
    </message>
</context>
<context>
    <name>hm::app::ServicesPage</name>
    <message>
        <source>More services could not be read: %1</source>
        <translation>More services could not be read: %1</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>External REST services whose endpoints flows can call, imported from their OpenAPI document or added by hand.</source>
        <translation>External REST services whose endpoints flows can call, imported from their OpenAPI document or added by hand.</translation>
    </message>
    <message>
        <source>New service...</source>
        <translation>New service...</translation>
    </message>
    <message>
        <source>Refresh schema...</source>
        <translation>Refresh schema...</translation>
    </message>
    <message>
        <source>Test call...</source>
        <translation>Test call...</translation>
    </message>
    <message>
        <source>Add endpoint...</source>
        <translation>Add endpoint...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a service first.</source>
        <translation>Select a service first.</translation>
    </message>
    <message>
        <source>Register a service by its base URL.</source>
        <translation>Register a service by its base URL.</translation>
    </message>
    <message>
        <source>Only who registered it (%1) or an administrator can change this service.</source>
        <translation>Only who registered it (%1) or an administrator can change this service.</translation>
    </message>
    <message>
        <source>(deleted user)</source>
        <translation>(deleted user)</translation>
    </message>
    <message>
        <source>This service has no OpenAPI document; add its endpoints by hand.</source>
        <translation>This service has no OpenAPI document; add its endpoints by hand.</translation>
    </message>
    <message>
        <source>Read the OpenAPI document again and compare before storing.</source>
        <translation>Read the OpenAPI document again and compare before storing.</translation>
    </message>
    <message>
        <source>Call one endpoint with parameters and see the answer.</source>
        <translation>Call one endpoint with parameters and see the answer.</translation>
    </message>
    <message>
        <source>Add an endpoint by hand.</source>
        <translation>Add an endpoint by hand.</translation>
    </message>
    <message>
        <source>Delete the service and its endpoints.</source>
        <translation>Delete the service and its endpoints.</translation>
    </message>
    <message>
        <source>Sign in to see services.</source>
        <translation>Sign in to see services.</translation>
    </message>
    <message>
        <source>Loading services...</source>
        <translation>Loading services...</translation>
    </message>
    <message>
        <source>The services could not be read</source>
        <translation>The services could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No service matches</source>
        <translation>No service matches</translation>
    </message>
    <message>
        <source>No service has &quot;%1&quot; in its name.</source>
        <translation>No service has &quot;%1&quot; in its name.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>No services yet</source>
        <translation>No services yet</translation>
    </message>
    <message>
        <source>Register a REST service by its base URL: its OpenAPI document is found and its endpoints imported, ready for flows to call with a linked credential.</source>
        <translation>Register a REST service by its base URL: its OpenAPI document is found and its endpoints imported, ready for flows to call with a linked credential.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n service(s) shown</source>
        <translation>
            <numerusform>%1 of %n service shown</numerusform>
            <numerusform>%1 of %n services shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Path</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>No service selected</source>
        <translation>No service selected</translation>
    </message>
    <message>
        <source>Select a service to see its endpoints and their schemas.</source>
        <translation>Select a service to see its endpoints and their schemas.</translation>
    </message>
    <message>
        <source>The service could not be read: %1</source>
        <translation>The service could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the endpoints...</source>
        <translation>Reading the endpoints...</translation>
    </message>
    <message>
        <source>%1 — no OpenAPI document, endpoints added by hand</source>
        <translation>%1 — no OpenAPI document, endpoints added by hand</translation>
    </message>
    <message>
        <source>%1 — document %2, read %3</source>
        <translation>%1 — document %2, read %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>linked</translation>
    </message>
    <message>
        <source>Status: %1 · Credential: %2 · Timeout: %3 ms · Registered by %4</source>
        <translation>Status: %1 · Credential: %2 · Timeout: %3 ms · Registered by %4</translation>
    </message>
    <message>
        <source>%1 (by hand)</source>
        <translation>%1 (by hand)</translation>
    </message>
    <message>
        <source>Removed — %1</source>
        <translation>Removed — %1</translation>
    </message>
    <message>
        <source>No longer in the document since %1; flows using it fail with ENDPOINT_NOT_FOUND.</source>
        <translation>No longer in the document since %1; flows using it fail with ENDPOINT_NOT_FOUND.</translation>
    </message>
    <message>
        <source>Endpoints (%1)</source>
        <translation>Endpoints (%1)</translation>
    </message>
    <message>
        <source>Endpoints (%1 active, %2 removed)</source>
        <translation>Endpoints (%1 active, %2 removed)</translation>
    </message>
    <message>
        <source>Schema of %1 %2</source>
        <translation>Schema of %1 %2</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; was registered with %n endpoint(s).</source>
        <translation>
            <numerusform>&quot;%1&quot; was registered with %n endpoint.</numerusform>
            <numerusform>&quot;%1&quot; was registered with %n endpoints.</numerusform>
        </translation>
    </message>
    <message>
        <source>Schema of &quot;%1&quot; refreshed: %2 added, %3 changed, %4 removed.</source>
        <translation>Schema of &quot;%1&quot; refreshed: %2 added, %3 changed, %4 removed.</translation>
    </message>
    <message>
        <source>Endpoint %1 %2 added.</source>
        <translation>Endpoint %1 %2 added.</translation>
    </message>
    <message>
        <source>Delete service</source>
        <translation>Delete service</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n endpoint(s)? Flows calling it stop working. This cannot be undone.</source>
        <translation>
            <numerusform>Delete &quot;%1&quot; and its %n endpoint? Flows calling it stop working. This cannot be undone.</numerusform>
            <numerusform>Delete &quot;%1&quot; and its %n endpoints? Flows calling it stop working. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>The service was not deleted: %1</source>
        <translation>The service was not deleted: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted.</source>
        <translation>&quot;%1&quot; was deleted.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console.</source>
        <translation>&quot;%1&quot; was deleted, perhaps in another console.</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Change the name, description, base URL, schema URL or credential.</source>
        <translation>Change the name, description, base URL, schema URL or credential.</translation>
    </message>
    <message>
        <source>Service deleted</source>
        <translation>Service deleted</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted, perhaps in another console: flows calling it fail. Select another service.</source>
        <translation>&quot;%1&quot; was deleted, perhaps in another console: flows calling it fail. Select another service.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was saved.</source>
        <translation>&quot;%1&quot; was saved.</translation>
    </message>
    <message>
        <source>%1 — document imported from a file, read %2</source>
        <translation>%1 — document imported from a file, read %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsEditor</name>
    <message>
        <source>Enter a JSON array of notification targets, for example [].</source>
        <translation>Enter a JSON array of notification targets, for example [].</translation>
    </message>
    <message>
        <source>Concurrency</source>
        <translation>Concurrency</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Allow: start another run</source>
        <translation>Allow: start another run</translation>
    </message>
    <message>
        <source>Deny: refuse while one runs</source>
        <translation>Deny: refuse while one runs</translation>
    </message>
    <message>
        <source>Queue: wait for a free slot</source>
        <translation>Queue: wait for a free slot</translation>
    </message>
    <message>
        <source>Replace: cancel the running one</source>
        <translation>Replace: cancel the running one</translation>
    </message>
    <message>
        <source>Whole flow</source>
        <translation>Whole flow</translation>
    </message>
    <message>
        <source>Per trigger key</source>
        <translation>Per trigger key</translation>
    </message>
    <message>
        <source>All: every node&apos;s inputs and outputs</source>
        <translation>All: every node&apos;s inputs and outputs</translation>
    </message>
    <message>
        <source>Summary: statuses, times and errors</source>
        <translation>Summary: statuses, times and errors</translation>
    </message>
    <message>
        <source>None: only the execution itself</source>
        <translation>None: only the execution itself</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>customer_id or $.trigger.customer.id</source>
        <translation>customer_id or $.trigger.customer.id</translation>
    </message>
    <message>
        <source>When triggered while running</source>
        <translation>When triggered while running</translation>
    </message>
    <message>
        <source>What a trigger does while runs of this flow are in progress.</source>
        <translation>What a trigger does while runs of this flow are in progress.</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Whether the limit counts the runs of the whole flow or the runs of each trigger key.</source>
        <translation>Whether the limit counts the runs of the whole flow or the runs of each trigger key.</translation>
    </message>
    <message>
        <source>Scope key</source>
        <translation>Scope key</translation>
    </message>
    <message>
        <source>The trigger field whose value separates the runs.</source>
        <translation>The trigger field whose value separates the runs.</translation>
    </message>
    <message>
        <source>Maximum instances</source>
        <translation>Maximum instances</translation>
    </message>
    <message>
        <source>How many runs may be in progress at once.</source>
        <translation>How many runs may be in progress at once.</translation>
    </message>
    <message>
        <source>Flow timeout</source>
        <translation>Flow timeout</translation>
    </message>
    <message>
        <source>A run that takes longer is cancelled.</source>
        <translation>A run that takes longer is cancelled.</translation>
    </message>
    <message>
        <source>Node timeout</source>
        <translation>Node timeout</translation>
    </message>
    <message>
        <source>A node that takes longer fails, and may be retried.</source>
        <translation>A node that takes longer fails, and may be retried.</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Maximum attempts</translation>
    </message>
    <message>
        <source>1 means a failed node is not retried.</source>
        <translation>1 means a failed node is not retried.</translation>
    </message>
    <message>
        <source>Backoff</source>
        <translation>Backoff</translation>
    </message>
    <message>
        <source>The wait before the first retry.</source>
        <translation>The wait before the first retry.</translation>
    </message>
    <message>
        <source>Backoff multiplier</source>
        <translation>Backoff multiplier</translation>
    </message>
    <message>
        <source>Each later wait is the previous one times this.</source>
        <translation>Each later wait is the previous one times this.</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>What is kept of a run once it ends.</source>
        <translation>What is kept of a run once it ends.</translation>
    </message>
    <message>
        <source>On completion</source>
        <translation>On completion</translation>
    </message>
    <message>
        <source>Notification targets as a JSON array.</source>
        <translation>Notification targets as a JSON array.</translation>
    </message>
    <message>
        <source>On failure</source>
        <translation>On failure</translation>
    </message>
    <message>
        <source>With the scope “per trigger key”, enter the trigger field that keys it.</source>
        <translation>With the scope “per trigger key”, enter the trigger field that keys it.</translation>
    </message>
    <message>
        <source>Enter a trigger field name or a $.trigger.… expression.</source>
        <translation>Enter a trigger field name or a $.trigger.… expression.</translation>
    </message>
</context>
<context>
    <name>hm::app::SettingsPage</name>
    <message>
        <source>read the system configuration</source>
        <translation>read the system configuration</translation>
    </message>
    <message>
        <source>The site name cannot be empty.</source>
        <translation>The site name cannot be empty.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>The server refused the changes; nothing was saved. See the fields marked in red.</source>
        <translation>The server refused the changes; nothing was saved. See the fields marked in red.</translation>
    </message>
    <message>
        <source>change the system configuration</source>
        <translation>change the system configuration</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Sign in to see the server&apos;s configuration.</source>
        <translation>Sign in to see the server&apos;s configuration.</translation>
    </message>
    <message>
        <source>Only administrators may change the system configuration; you are signed in as %1.</source>
        <translation>Only administrators may change the system configuration; you are signed in as %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>The server&apos;s configuration, and how this console works for you.</source>
        <translation>The server&apos;s configuration, and how this console works for you.</translation>
    </message>
    <message>
        <source>System configuration</source>
        <translation>System configuration</translation>
    </message>
    <message>
        <source>Console preferences</source>
        <translation>Console preferences</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Rate limits</translation>
    </message>
    <message>
        <source>Sign-in security</source>
        <translation>Sign-in security</translation>
    </message>
    <message>
        <source>Password policy</source>
        <translation>Password policy</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Site name</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <source>Log level</source>
        <translation>Log level</translation>
    </message>
    <message>
        <source>Limit request rates</source>
        <translation>Limit request rates</translation>
    </message>
    <message>
        <source>Requests per minute (signed in)</source>
        <translation>Requests per minute (signed in)</translation>
    </message>
    <message>
        <source>Requests per minute (anonymous, per IP)</source>
        <translation>Requests per minute (anonymous, per IP)</translation>
    </message>
    <message>
        <source>Failed sign-ins before lockout</source>
        <translation>Failed sign-ins before lockout</translation>
    </message>
    <message>
        <source>Lockout duration</source>
        <translation>Lockout duration</translation>
    </message>
    <message>
        <source>Minimum length</source>
        <translation>Minimum length</translation>
    </message>
    <message>
        <source>Require an uppercase letter</source>
        <translation>Require an uppercase letter</translation>
    </message>
    <message>
        <source>Require a lowercase letter</source>
        <translation>Require a lowercase letter</translation>
    </message>
    <message>
        <source>Require a digit</source>
        <translation>Require a digit</translation>
    </message>
    <message>
        <source>Require a symbol</source>
        <translation>Require a symbol</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> characters</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>This console</source>
        <translation>This console</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Servers and profiles</source>
        <translation>Servers and profiles</translation>
    </message>
    <message>
        <source>Local server (runs inside this console)</source>
        <translation>Local server (runs inside this console)</translation>
    </message>
    <message>
        <source>Add servers with File ▸ Add Server… and switch with File ▸ Switch Server; they are listed here read-only.</source>
        <translation>Add servers with File ▸ Add Server… and switch with File ▸ Switch Server; they are listed here read-only.</translation>
    </message>
    <message>
        <source>Default data location</source>
        <translation>Default data location</translation>
    </message>
    <message>
        <source>Where the local server keeps its encrypted database. Start the console with --data-dir to use another one.</source>
        <translation>Where the local server keeps its encrypted database. Start the console with --data-dir to use another one.</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Also in View ▸ Theme. Applies at once and is remembered.</source>
        <translation>Also in View ▸ Theme. Applies at once and is remembered.</translation>
    </message>
    <message>
        <source>Requests the server makes</source>
        <translation>Requests the server makes</translation>
    </message>
    <message>
        <source>May reach private networks (loopback, LAN)</source>
        <translation>May reach private networks (loopback, LAN)</translation>
    </message>
    <message>
        <source>Schema fetches and credential tests that users start go only to public addresses unless this is on. Turn it on when your services run on this machine or your own network.</source>
        <translation>Schema fetches and credential tests that users start go only to public addresses unless this is on. Turn it on when your services run on this machine or your own network.</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>Mail</translation>
    </message>
    <message>
        <source>Scheduled backups</source>
        <translation>Scheduled backups</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>Hour of the day</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>Day of the week</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>Keep the newest</translation>
    </message>
    <message>
        <source>Keep one per week for</source>
        <translation>Keep one per week for</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>:00</source>
        <translation>:00</translation>
    </message>
    <message>
        <source> backups</source>
        <translation> backups</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> weeks</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>A backup is useless without the master key: keep a copy of the master key apart from the backups. The hour is in the server&apos;s time zone.</source>
        <translation>A backup is useless without the master key: keep a copy of the master key apart from the backups. The hour is in the server&apos;s time zone.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>The day of the week is used only by a weekly schedule.</source>
        <translation>The day of the week is used only by a weekly schedule.</translation>
    </message>
    <message>
        <source>Used only while scheduled backups are on.</source>
        <translation>Used only while scheduled backups are on.</translation>
    </message>
</context>
<context>
    <name>hm::app::ShareDialog</name>
    <message>
        <source>Nobody has an account with %1 yet: the flow is shared as soon as they create one.</source>
        <translation>Nobody has an account with %1 yet: the flow is shared as soon as they create one.</translation>
    </message>
    <message>
        <source>Shared with %1.</source>
        <translation>Shared with %1.</translation>
    </message>
    <message>
        <source>Permission changed.</source>
        <translation>Permission changed.</translation>
    </message>
    <message>
        <source>Stop Sharing</source>
        <translation>Stop Sharing</translation>
    </message>
    <message>
        <source>Stop sharing “%1” with %2? They will no longer see the flow or run it.</source>
        <translation>Stop sharing “%1” with %2? They will no longer see the flow or run it.</translation>
    </message>
    <message>
        <source>The flow is no longer shared with %1.</source>
        <translation>The flow is no longer shared with %1.</translation>
    </message>
    <message>
        <source>%1 (invited)</source>
        <translation>%1 (invited)</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>Share “%1”</source>
        <translation>Share “%1”</translation>
    </message>
    <message>
        <source>People you share the flow with see it in their list. View lets them run it, edit lets them change it, admin lets them share it too.</source>
        <translation>People you share the flow with see it in their list. View lets them run it, edit lets them change it, admin lets them share it too.</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>colleague@example.com</source>
        <translation>colleague@example.com</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>&amp;Share</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>Permission</translation>
    </message>
    <message>
        <source>Shared by</source>
        <translation>Shared by</translation>
    </message>
    <message>
        <source>&amp;Selected:</source>
        <translation>&amp;Selected:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::SignInDialog</name>
    <message>
        <source>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</source>
        <translation>The one-time code is wrong or has expired. Enter the current code from your authenticator app.</translation>
    </message>
    <message>
        <source>The username, e-mail address or password is wrong.</source>
        <translation>The username, e-mail address or password is wrong.</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked until %1.</source>
        <translation>Too many failed attempts: sign-in is locked until %1.</translation>
    </message>
    <message>
        <source>Too many failed attempts: sign-in is locked for a while. Try again later.</source>
        <translation>Too many failed attempts: sign-in is locked for a while. Try again later.</translation>
    </message>
    <message>
        <source>This account is suspended. Ask an administrator.</source>
        <translation>This account is suspended. Ask an administrator.</translation>
    </message>
    <message>
        <source>This account is not activated yet.</source>
        <translation>This account is not activated yet.</translation>
    </message>
    <message>
        <source>The sign-in took too long. Enter your password again.</source>
        <translation>The sign-in took too long. Enter your password again.</translation>
    </message>
    <message>
        <source>Signing in failed: %1</source>
        <translation>Signing in failed: %1</translation>
    </message>
    <message>
        <source>Sign In to %1</source>
        <translation>Sign In to %1</translation>
    </message>
    <message>
        <source>&amp;Username or e-mail:</source>
        <translation>&amp;Username or e-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;One-time code:</source>
        <translation>&amp;One-time code:</translation>
    </message>
    <message>
        <source>6 digits from your authenticator app</source>
        <translation>6 digits from your authenticator app</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>&amp;Sign In</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The recovery code is wrong or was used before. Each code works once.</source>
        <translation>The recovery code is wrong or was used before. Each code works once.</translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation>&amp;Recovery code:</translation>
    </message>
    <message>
        <source>One of your saved recovery codes</source>
        <translation>One of your saved recovery codes</translation>
    </message>
    <message>
        <source>Use a recovery code</source>
        <translation>Use a recovery code</translation>
    </message>
    <message>
        <source>Enter a new password.</source>
        <translation>Enter a new password.</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the same password twice.</source>
        <translation>The two new passwords differ. Type the same password twice.</translation>
    </message>
    <message>
        <source>The server&apos;s password policy refused the new password: %1</source>
        <translation>The server&apos;s password policy refused the new password: %1</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Repeat it:</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>checked against the server&apos;s password policy</translation>
    </message>
    <message>
        <source>%1, your password was chosen by somebody else. Choose your own password to continue: until then the server allows nothing else.</source>
        <translation>%1, your password was chosen by somebody else. Choose your own password to continue: until then the server allows nothing else.</translation>
    </message>
    <message>
        <source>Change &amp;Password</source>
        <translation>Change &amp;Password</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation>Your password was changed. Sign in with the new one.</translation>
    </message>
    <message>
        <source>Your account was created. Sign in with it.</source>
        <translation>Your account was created. Sign in with it.</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Register an account</source>
        <translation>Register an account</translation>
    </message>
</context>
<context>
    <name>hm::app::StorageWarning</name>
    <message>
        <source>Server disk full (%1 free): new executions are refused</source>
        <translation>Server disk full (%1 free): new executions are refused</translation>
    </message>
    <message>
        <source>Server disk almost full: %1 free</source>
        <translation>Server disk almost full: %1 free</translation>
    </message>
</context>
<context>
    <name>hm::app::TaskTargetPicker</name>
    <message>
        <source>%1 (offline)</source>
        <translation>%1 (offline)</translation>
    </message>
    <message>
        <source>Choose a label: a task never runs on every node.</source>
        <translation>Choose a label: a task never runs on every node.</translation>
    </message>
    <message>
        <source>Choose the node the command runs on.</source>
        <translation>Choose the node the command runs on.</translation>
    </message>
    <message>
        <source>No node has this label now: the task would fail.</source>
        <translation>No node has this label now: the task would fail.</translation>
    </message>
    <message>
        <source>Nodes matching now: %1; &quot;One&quot; needs exactly one.</source>
        <translation>Nodes matching now: %1; &quot;One&quot; needs exactly one.</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, none online: the task would fail.</source>
        <translation>Nodes matching now: %1, none online: the task would fail.</translation>
    </message>
    <message>
        <source>Nodes matching now: %1, online: %2.</source>
        <translation>Nodes matching now: %1, online: %2.</translation>
    </message>
    <message>
        <source>This node is not in the fleet any more: the task would fail.</source>
        <translation>This node is not in the fleet any more: the task would fail.</translation>
    </message>
    <message>
        <source>The node is offline now.</source>
        <translation>The node is offline now.</translation>
    </message>
    <message>
        <source>Run on</source>
        <translation>Run on</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Node</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <source>One node</source>
        <translation>One node</translation>
    </message>
    <message>
        <source>Nodes with a label</source>
        <translation>Nodes with a label</translation>
    </message>
    <message>
        <source>One (exactly one must match)</source>
        <translation>One (exactly one must match)</translation>
    </message>
    <message>
        <source>Any one online</source>
        <translation>Any one online</translation>
    </message>
    <message>
        <source>All of them (fan-out)</source>
        <translation>All of them (fan-out)</translation>
    </message>
    <message>
        <source>e.g. batch</source>
        <translation>e.g. batch</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalCloseQuestion</name>
    <message>
        <source>Close terminal</source>
        <translation>Close terminal</translation>
    </message>
    <message>
        <source>Keep &quot;%1&quot; running on the node?</source>
        <translation>Keep &quot;%1&quot; running on the node?</translation>
    </message>
    <message>
        <source>A session kept running can be reattached from Sessions, here or from another console, until it has been idle too long. Ending it stops its shell and every program started in it.</source>
        <translation>A session kept running can be reattached from Sessions, here or from another console, until it has been idle too long. Ending it stops its shell and every program started in it.</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Keep running</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>End session</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalSessionsDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>The sessions could not be read: %1</source>
        <translation>The sessions could not be read: %1</translation>
    </message>
    <message>
        <source>%1, process %2</source>
        <translation>%1, process %2</translation>
    </message>
    <message>
        <source>In a tab here</source>
        <translation>In a tab here</translation>
    </message>
    <message>
        <source>Another user&apos;s</source>
        <translation>Another user&apos;s</translation>
    </message>
    <message>
        <source>Attached elsewhere</source>
        <translation>Attached elsewhere</translation>
    </message>
    <message>
        <source>Detached</source>
        <translation>Detached</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>End terminal session</source>
        <translation>End terminal session</translation>
    </message>
    <message>
        <source>End this session? Its shell and every program started in it stop on %1.</source>
        <translation>End this session? Its shell and every program started in it stop on %1.</translation>
    </message>
    <message>
        <source>The session could not be ended: %1</source>
        <translation>The session could not be ended: %1</translation>
    </message>
    <message>
        <source>Terminal sessions on %1</source>
        <translation>Terminal sessions on %1</translation>
    </message>
    <message>
        <source>Sessions keep running on %1 when their tab or the console is closed, until they have been idle too long. Reattach one to use it again, or end those you no longer need.</source>
        <translation>Sessions keep running on %1 when their tab or the console is closed, until they have been idle too long. Reattach one to use it again, or end those you no longer need.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Shell</source>
        <translation>Shell</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Working directory</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>No terminal session is running on this node.</source>
        <translation>No terminal session is running on this node.</translation>
    </message>
    <message>
        <source>Reattach</source>
        <translation>Reattach</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>End session</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalTabs</name>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <source>New terminal</source>
        <translation>New terminal</translation>
    </message>
    <message>
        <source>No terminal open. Press + to open one.</source>
        <translation>No terminal open. Press + to open one.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Terminal sessions still running on this node: reattach or end them</source>
        <translation>Terminal sessions still running on this node: reattach or end them</translation>
    </message>
    <message>
        <source>No terminal open here. Sessions still run on this node: press Sessions to reattach one, or + to open a new one.</source>
        <translation>No terminal open here. Sessions still run on this node: press Sessions to reattach one, or + to open a new one.</translation>
    </message>
</context>
<context>
    <name>hm::app::TerminalView</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Clear scrollback</source>
        <translation>Clear scrollback</translation>
    </message>
</context>
<context>
    <name>hm::app::TextField</name>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>From %1 to %2 characters.</source>
        <translation>From %1 to %2 characters.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::TriggerDialog</name>
    <message>
        <source>Not valid JSON: %1 (at character %2).</source>
        <translation>Not valid JSON: %1 (at character %2).</translation>
    </message>
    <message>
        <source>The inputs must be a JSON object, such as {&quot;message&quot;: &quot;hello&quot;}.</source>
        <translation>The inputs must be a JSON object, such as {&quot;message&quot;: &quot;hello&quot;}.</translation>
    </message>
    <message>
        <source>Run “%1”</source>
        <translation>Run “%1”</translation>
    </message>
    <message>
        <source>Starts an execution of the flow. Its nodes read these inputs as $.trigger.&lt;name&gt;.</source>
        <translation>Starts an execution of the flow. Its nodes read these inputs as $.trigger.&lt;name&gt;.</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>&amp;Inputs (JSON):</source>
        <translation>&amp;Inputs (JSON):</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Published (version %1)</source>
        <translation>Published (version %1)</translation>
    </message>
    <message>
        <source>Latest draft (version %1)</source>
        <translation>Latest draft (version %1)</translation>
    </message>
</context>
<context>
    <name>hm::app::TriggerOptionsBox</name>
    <message>
        <source>The callback URL must start with http:// or https://.</source>
        <translation>The callback URL must start with http:// or https://.</translation>
    </message>
    <message>
        <source>The callback URL needs a host name.</source>
        <translation>The callback URL needs a host name.</translation>
    </message>
    <message>
        <source>The callback URL may not hold a user name, a password or a #part.</source>
        <translation>The callback URL may not hold a user name, a password or a #part.</translation>
    </message>
    <message>
        <source>With a callback URL, enter a secret of %1 to %2 bytes: the receiver checks the signature with it.</source>
        <translation>With a callback URL, enter a secret of %1 to %2 bytes: the receiver checks the signature with it.</translation>
    </message>
    <message>
        <source>&amp;Options</source>
        <translation>&amp;Options</translation>
    </message>
    <message>
        <source>Priority, timeout and a callback for this execution only.</source>
        <translation>Priority, timeout and a callback for this execution only.</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Priority:</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>In a flow that queues its executions, higher priorities run first; -100 to 100.</source>
        <translation>In a flow that queues its executions, higher priorities run first; -100 to 100.</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The flow&apos;s own</source>
        <translation>The flow&apos;s own</translation>
    </message>
    <message>
        <source>At most the flow&apos;s %1 s.</source>
        <translation>At most the flow&apos;s %1 s.</translation>
    </message>
    <message>
        <source>Callback &amp;URL:</source>
        <translation>Callback &amp;URL:</translation>
    </message>
    <message>
        <source>https://example.com/hook: told when the execution ends</source>
        <translation>https://example.com/hook: told when the execution ends</translation>
    </message>
    <message>
        <source>Callback &amp;secret:</source>
        <translation>Callback &amp;secret:</translation>
    </message>
    <message>
        <source>signs the callback; not shown again</source>
        <translation>signs the callback; not shown again</translation>
    </message>
</context>
<context>
    <name>hm::app::UserDialog</name>
    <message>
        <source>See flows, executions and components</source>
        <translation>See flows, executions and components</translation>
    </message>
    <message>
        <source>Own account: password, two-factor, sessions</source>
        <translation>Own account: password, two-factor, sessions</translation>
    </message>
    <message>
        <source>Create, edit, publish and share flows</source>
        <translation>Create, edit, publish and share flows</translation>
    </message>
    <message>
        <source>Run, cancel and re-run executions</source>
        <translation>Run, cancel and re-run executions</translation>
    </message>
    <message>
        <source>Create and revoke own API keys</source>
        <translation>Create and revoke own API keys</translation>
    </message>
    <message>
        <source>API keys with administration access</source>
        <translation>API keys with administration access</translation>
    </message>
    <message>
        <source>Register components</source>
        <translation>Register components</translation>
    </message>
    <message>
        <source>Manage users, roles and lockouts</source>
        <translation>Manage users, roles and lockouts</translation>
    </message>
    <message>
        <source>Server settings, audit and logs</source>
        <translation>Server settings, audit and logs</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>Edit user %1</source>
        <translation>Edit user %1</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Initial password:</source>
        <translation>Initial password:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <source>checked against the server&apos;s password policy</source>
        <translation>checked against the server&apos;s password policy</translation>
    </message>
    <message>
        <source>A suspended user cannot sign in, and their sessions end.</source>
        <translation>A suspended user cannot sign in, and their sessions end.</translation>
    </message>
    <message>
        <source>What each role may do (the selected role is highlighted):</source>
        <translation>What each role may do (the selected role is highlighted):</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>Create user</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>not allowed</source>
        <translation>not allowed</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>This is not an e-mail address.</translation>
    </message>
    <message>
        <source>3-64 letters of any script, digits, _ . -</source>
        <translation>3-64 letters of any script, digits, _ . -</translation>
    </message>
    <message>
        <source>A username has 3 to 64 characters: letters of any script (such as 王, é or ж), digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;. Accented Latin, Greek and Cyrillic letters count as one letter; other scripts may use their combining marks. Latin, Greek and Cyrillic letters cannot be mixed in one username. Spaces and invisible characters are not allowed. Case does not matter: &quot;Σοφία&quot; and &quot;σοφία&quot; are the same username.</source>
        <translation>A username has 3 to 64 characters: letters of any script (such as 王, é or ж), digits, &quot;_&quot;, &quot;.&quot; and &quot;-&quot;. Accented Latin, Greek and Cyrillic letters count as one letter; other scripts may use their combining marks. Latin, Greek and Cyrillic letters cannot be mixed in one username. Spaces and invisible characters are not allowed. Case does not matter: &quot;Σοφία&quot; and &quot;σοφία&quot; are the same username.</translation>
    </message>
    <message>
        <source>Latin, Greek and Cyrillic letters cannot be mixed in one username (they have look-alikes such as Latin &quot;a&quot; and Cyrillic &quot;а&quot;).</source>
        <translation>Latin, Greek and Cyrillic letters cannot be mixed in one username (they have look-alikes such as Latin &quot;a&quot; and Cyrillic &quot;а&quot;).</translation>
    </message>
    <message>
        <source>3 to 64 letters of any script, digits, &quot;_&quot;, &quot;.&quot; or &quot;-&quot;; no spaces or invisible characters.</source>
        <translation>3 to 64 letters of any script, digits, &quot;_&quot;, &quot;.&quot; or &quot;-&quot;; no spaces or invisible characters.</translation>
    </message>
    <message>
        <source>Must choose a new password at the first sign-in</source>
        <translation>Must choose a new password at the first sign-in</translation>
    </message>
    <message>
        <source>Until then the account can do nothing but change its password, so the password you hand over stops working.</source>
        <translation>Until then the account can do nothing but change its password, so the password you hand over stops working.</translation>
    </message>
    <message>
        <source>A user needs an e-mail address.</source>
        <translation>A user needs an e-mail address.</translation>
    </message>
    <message>
        <source>Set a first password.</source>
        <translation>Set a first password.</translation>
    </message>
</context>
<context>
    <name>hm::app::UserListModel</name>
    <message>
        <source>%1, locked until %2</source>
        <translation>%1, locked until %2</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Two-factor</source>
        <translation>Two-factor</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPage</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Signed in as %1 (%2)</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>Nobody is signed in</translation>
    </message>
    <message>
        <source>My account...</source>
        <translation>My account...</translation>
    </message>
    <message>
        <source>Profile, password, two-factor authentication and sessions.</source>
        <translation>Profile, password, two-factor authentication and sessions.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Users (read-only)</source>
        <translation>Users (read-only)</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API keys</translation>
    </message>
    <message>
        <source>Node grants</source>
        <translation>Node grants</translation>
    </message>
</context>
<context>
    <name>hm::app::UsersPanel</name>
    <message>
        <source>More users could not be read: %1</source>
        <translation>More users could not be read: %1</translation>
    </message>
    <message>
        <source>Search username, name or e-mail</source>
        <translation>Search username, name or e-mail</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>All roles</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>New user...</source>
        <translation>New user...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Reset password...</source>
        <translation>Reset password...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Read-only: nobody is signed in.</source>
        <translation>Read-only: nobody is signed in.</translation>
    </message>
    <message>
        <source>Read-only: only administrators can see and manage users. You are signed in as %1, so this list is not loaded and its actions are off. Your own account and API keys are in &quot;My account&quot; and the API keys tab.</source>
        <translation>Read-only: only administrators can see and manage users. You are signed in as %1, so this list is not loaded and its actions are off. Your own account and API keys are in &quot;My account&quot; and the API keys tab.</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Select a user first.</translation>
    </message>
    <message>
        <source>Create a user and choose their role.</source>
        <translation>Create a user and choose their role.</translation>
    </message>
    <message>
        <source>Change e-mail, name, role and status.</source>
        <translation>Change e-mail, name, role and status.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>Suspend...</source>
        <translation>Suspend...</translation>
    </message>
    <message>
        <source>You cannot suspend yourself.</source>
        <translation>You cannot suspend yourself.</translation>
    </message>
    <message>
        <source>Let the user sign in again.</source>
        <translation>Let the user sign in again.</translation>
    </message>
    <message>
        <source>Stop the user signing in and end their sessions.</source>
        <translation>Stop the user signing in and end their sessions.</translation>
    </message>
    <message>
        <source>Clear the lockout after failed sign-ins.</source>
        <translation>Clear the lockout after failed sign-ins.</translation>
    </message>
    <message>
        <source>Clear failed sign-in counts (the user is not locked now).</source>
        <translation>Clear failed sign-in counts (the user is not locked now).</translation>
    </message>
    <message>
        <source>Set a new password for the user.</source>
        <translation>Set a new password for the user.</translation>
    </message>
    <message>
        <source>You cannot delete yourself.</source>
        <translation>You cannot delete yourself.</translation>
    </message>
    <message>
        <source>Delete the user; their sessions and API keys end.</source>
        <translation>Delete the user; their sessions and API keys end.</translation>
    </message>
    <message>
        <source>Loading users...</source>
        <translation>Loading users...</translation>
    </message>
    <message>
        <source>The users could not be read: %1</source>
        <translation>The users could not be read: %1</translation>
    </message>
    <message>
        <source>No user matches these filters.</source>
        <translation>No user matches these filters.</translation>
    </message>
    <message>
        <source>No user matches &quot;%1&quot;.</source>
        <translation>No user matches &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n user(s) shown</source>
        <translation>
            <numerusform>%1 of %n user shown</numerusform>
            <numerusform>%1 of %n users shown</numerusform>
        </translation>
    </message>
    <message>
        <source>The status was not changed: %1</source>
        <translation>The status was not changed: %1</translation>
    </message>
    <message>
        <source>Suspend user</source>
        <translation>Suspend user</translation>
    </message>
    <message>
        <source>Suspend %1? They cannot sign in until reactivated, and their sessions end now.</source>
        <translation>Suspend %1? They cannot sign in until reactivated, and their sessions end now.</translation>
    </message>
    <message>
        <source>The user was not unlocked: %1</source>
        <translation>The user was not unlocked: %1</translation>
    </message>
    <message>
        <source>The password was not reset: %1</source>
        <translation>The password was not reset: %1</translation>
    </message>
    <message>
        <source>The password was reset.</source>
        <translation>The password was reset.</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Delete user</translation>
    </message>
    <message>
        <source>Delete %1? Their sessions and API keys end at once. This cannot be undone.</source>
        <translation>Delete %1? Their sessions and API keys end at once. This cannot be undone.</translation>
    </message>
    <message>
        <source>The user was not deleted: %1</source>
        <translation>The user was not deleted: %1</translation>
    </message>
    <message>
        <source>The users cannot be shown</source>
        <translation>The users cannot be shown</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Try Again</translation>
    </message>
    <message>
        <source>No users match</source>
        <translation>No users match</translation>
    </message>
    <message>
        <source>No user has this role and status.</source>
        <translation>No user has this role and status.</translation>
    </message>
    <message>
        <source>No user&apos;s name or e-mail has “%1”.</source>
        <translation>No user&apos;s name or e-mail has “%1”.</translation>
    </message>
    <message>
        <source>&amp;Clear Filters</source>
        <translation>&amp;Clear Filters</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspend</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::VpnPage</name>
    <message>
        <source>VPN</source>
        <translation>VPN</translation>
    </message>
    <message>
        <source>WireGuard servers and the clients that connect to them.</source>
        <translation>WireGuard servers and the clients that connect to them.</translation>
    </message>
    <message>
        <source>Search name, interface or description</source>
        <translation>Search name, interface or description</translation>
    </message>
    <message>
        <source>New server...</source>
        <translation>New server...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Delete...</source>
        <translation>Delete...</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>Select a server first.</translation>
    </message>
    <message>
        <source>A new WireGuard server: its interface, port and subnets.</source>
        <translation>A new WireGuard server: its interface, port and subnets.</translation>
    </message>
    <message>
        <source>Change the server&apos;s settings; a running server is re-synced.</source>
        <translation>Change the server&apos;s settings; a running server is re-synced.</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Take the interface down; its clients are cut off.</source>
        <translation>Take the interface down; its clients are cut off.</translation>
    </message>
    <message>
        <source>Bring the interface up with its enabled clients.</source>
        <translation>Bring the interface up with its enabled clients.</translation>
    </message>
    <message>
        <source>Delete the server and all its clients.</source>
        <translation>Delete the server and all its clients.</translation>
    </message>
    <message>
        <source>Sign in to see the WireGuard servers</source>
        <translation>Sign in to see the WireGuard servers</translation>
    </message>
    <message>
        <source>Loading WireGuard servers...</source>
        <translation>Loading WireGuard servers...</translation>
    </message>
    <message>
        <source>The WireGuard servers could not be read</source>
        <translation>The WireGuard servers could not be read</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>No server matches</source>
        <translation>No server matches</translation>
    </message>
    <message>
        <source>No WireGuard server has &quot;%1&quot; in its name, interface or description.</source>
        <translation>No WireGuard server has &quot;%1&quot; in its name, interface or description.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>No WireGuard servers yet</source>
        <translation>No WireGuard servers yet</translation>
    </message>
    <message>
        <source>A WireGuard server is a VPN interface on the HiveMind server&apos;s machine. Create one, then add a client for each device that connects: the console shows its config and a QR code to scan.</source>
        <translation>A WireGuard server is a VPN interface on the HiveMind server&apos;s machine. Create one, then add a client for each device that connects: the console shows its config and a QR code to scan.</translation>
    </message>
    <message numerus="yes">
        <source>%n WireGuard server(s), %1 running</source>
        <translation>
            <numerusform>%n WireGuard server, %1 running</numerusform>
            <numerusform>%n WireGuard servers, %1 running</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not stopped: %1</source>
        <translation>The server was not stopped: %1</translation>
    </message>
    <message>
        <source>The server was not started: %1</source>
        <translation>The server was not started: %1</translation>
    </message>
    <message>
        <source>Delete WireGuard server</source>
        <translation>Delete WireGuard server</translation>
    </message>
    <message numerus="yes">
        <source>Delete &quot;%1&quot; and its %n client(s)? A running interface is taken down; the clients&apos; configs stop working. This cannot be undone.</source>
        <translation>
            <numerusform>Delete &quot;%1&quot; and its %n client? A running interface is taken down; the clients&apos; configs stop working. This cannot be undone.</numerusform>
            <numerusform>Delete &quot;%1&quot; and its %n clients? A running interface is taken down; the clients&apos; configs stop working. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server was not deleted: %1</source>
        <translation>The server was not deleted: %1</translation>
    </message>
    <message>
        <source>WireGuard</source>
        <translation>WireGuard</translation>
    </message>
    <message>
        <source>IPv6 pools</source>
        <translation>IPv6 pools</translation>
    </message>
    <message>
        <source>BGP</source>
        <translation>BGP</translation>
    </message>
    <message>
        <source>Import...</source>
        <translation>Import...</translation>
    </message>
    <message>
        <source>A server from an existing wg-quick file (such as wg0.conf) with its peers.</source>
        <translation>A server from an existing wg-quick file (such as wg0.conf) with its peers.</translation>
    </message>
    <message>
        <source>Import a WireGuard server</source>
        <translation>Import a WireGuard server</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard configs (*.conf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>The file is larger than 1 MiB: it is not a wg-quick server file.</source>
        <translation>The file is larger than 1 MiB: it is not a wg-quick server file.</translation>
    </message>
    <message>
        <source>IPv6 prefix pools and the prefixes delegated from them.</source>
        <translation>IPv6 prefix pools and the prefixes delegated from them.</translation>
    </message>
    <message>
        <source>BGP sessions through BIRD, their routes and the prefixes announced.</source>
        <translation>BGP sessions through BIRD, their routes and the prefixes announced.</translation>
    </message>
    <message>
        <source>Stop WireGuard server</source>
        <translation>Stop WireGuard server</translation>
    </message>
    <message>
        <source>Stop &quot;%1&quot;? Its interface %2 goes down and every client connected through it loses its tunnel until the server is started again.</source>
        <translation>Stop &quot;%1&quot;? Its interface %2 goes down and every client connected through it loses its tunnel until the server is started again.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::WebhookDialog</name>
    <message>
        <source>Regenerate Webhook URL</source>
        <translation>Regenerate Webhook URL</translation>
    </message>
    <message>
        <source>Regenerate the webhook URL of “%1”? The current URL stops working at once: every system that calls it needs the new one.</source>
        <translation>Regenerate the webhook URL of “%1”? The current URL stops working at once: every system that calls it needs the new one.</translation>
    </message>
    <message>
        <source>Remove Webhook</source>
        <translation>Remove Webhook</translation>
    </message>
    <message>
        <source>Remove the webhook of “%1”? Its URL stops working at once.</source>
        <translation>Remove the webhook of “%1”? Its URL stops working at once.</translation>
    </message>
    <message>
        <source>Reading the webhook…</source>
        <translation>Reading the webhook…</translation>
    </message>
    <message>
        <source>This flow has no webhook.</source>
        <translation>This flow has no webhook.</translation>
    </message>
    <message>
        <source>This flow has a webhook. Its URL was shown when it was created and cannot be shown again; regenerate it to get a new one.</source>
        <translation>This flow has a webhook. Its URL was shown when it was created and cannot be shown again; regenerate it to get a new one.</translation>
    </message>
    <message>
        <source>Copy the URL now: it is not shown again. A POST with a JSON body starts the published version with the body as its inputs.</source>
        <translation>Copy the URL now: it is not shown again. A POST with a JSON body starts the published version with the body as its inputs.</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <source>&amp;Regenerate URL</source>
        <translation>&amp;Regenerate URL</translation>
    </message>
    <message>
        <source>&amp;Create Webhook</source>
        <translation>&amp;Create Webhook</translation>
    </message>
    <message>
        <source>Webhook of “%1”</source>
        <translation>Webhook of “%1”</translation>
    </message>
    <message>
        <source>A webhook lets systems that can only call a URL (CI, chat, monitoring) start this flow without signing in. Whoever knows the URL can run the flow.</source>
        <translation>A webhook lets systems that can only call a URL (CI, chat, monitoring) start this flow without signing in. Whoever knows the URL can run the flow.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Re&amp;move Webhook</source>
        <translation>Re&amp;move Webhook</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientDetail</name>
    <message>
        <source>No traffic in this period.</source>
        <translation>No traffic in this period.</translation>
    </message>
    <message>
        <source>No traffic in this period.
A longer range may show older traffic.</source>
        <translation>No traffic in this period.
A longer range may show older traffic.</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Range:</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Last hour</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Last 24 hours</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Last year</translation>
    </message>
    <message>
        <source>The period the chart shows; longer periods are drawn from coarser buckets (a minute, 15 minutes, an hour).</source>
        <translation>The period the chart shows; longer periods are drawn from coarser buckets (a minute, 15 minutes, an hour).</translation>
    </message>
    <message>
        <source>Connected from</source>
        <translation>Connected from</translation>
    </message>
    <message>
        <source>The addresses the client&apos;s packets came from, most recently seen first.</source>
        <translation>The addresses the client&apos;s packets came from, most recently seen first.</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <source>Traffic of %1</source>
        <translation>Traffic of %1</translation>
    </message>
    <message>
        <source>Traffic of all clients of %1</source>
        <translation>Traffic of all clients of %1</translation>
    </message>
    <message>
        <source>Select a server to see its traffic.</source>
        <translation>Select a server to see its traffic.</translation>
    </message>
    <message>
        <source>The traffic could not be read: %1</source>
        <translation>The traffic could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the traffic…</source>
        <translation>Reading the traffic…</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>In this period: received %1, sent %2 · Since it was made: received %3, sent %4</source>
        <translation>In this period: received %1, sent %2 · Since it was made: received %3, sent %4</translation>
    </message>
    <message>
        <source>Received: what the server received from the client (its upload). Sent: what the server sent to it (its download).</source>
        <translation>Received: what the server received from the client (its upload). Sent: what the server sent to it (its download).</translation>
    </message>
    <message>
        <source>Select a client to see where it connected from.</source>
        <translation>Select a client to see where it connected from.</translation>
    </message>
    <message>
        <source>The endpoints could not be read: %1</source>
        <translation>The endpoints could not be read: %1</translation>
    </message>
    <message>
        <source>Reading the endpoints…</source>
        <translation>Reading the endpoints…</translation>
    </message>
    <message>
        <source>Not connected yet: no endpoint seen.</source>
        <translation>Not connected yet: no endpoint seen.</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientDialog</name>
    <message>
        <source>WireGuard client created</source>
        <translation>WireGuard client created</translation>
    </message>
    <message>
        <source>New WireGuard client</source>
        <translation>New WireGuard client</translation>
    </message>
    <message>
        <source>A client of &quot;%1&quot;. The server makes its keys; addresses left empty are the lowest free ones of the server&apos;s subnets.</source>
        <translation>A client of &quot;%1&quot;. The server makes its keys; addresses left empty are the lowest free ones of the server&apos;s subnets.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Address &amp;family:</source>
        <translation>Address &amp;family:</translation>
    </message>
    <message>
        <source>IPv&amp;4 address:</source>
        <translation>IPv&amp;4 address:</translation>
    </message>
    <message>
        <source>IPv&amp;6 address:</source>
        <translation>IPv&amp;6 address:</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>&amp;DNS servers:</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>&amp;Keepalive:</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>E&amp;xpiry:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>Empty: the lowest free one of %1</source>
        <translation>Empty: the lowest free one of %1</translation>
    </message>
    <message>
        <source>Empty: the server&apos;s DNS servers</source>
        <translation>Empty: the server&apos;s DNS servers</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>The server&apos;s</source>
        <translation>The server&apos;s</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was created. Set up the device now: the server shows this config once, and again only to an administrator.</source>
        <translation>&quot;%1&quot; was created. Set up the device now: the server shows this config once, and again only to an administrator.</translation>
    </message>
    <message>
        <source>A client needs a name.</source>
        <translation>A client needs a name.</translation>
    </message>
    <message>
        <source>One IPv4 address of the server&apos;s subnet, e.g. 10.8.0.9.</source>
        <translation>One IPv4 address of the server&apos;s subnet, e.g. 10.8.0.9.</translation>
    </message>
    <message>
        <source>One IPv6 address of the server&apos;s subnet, e.g. fd00:8::9.</source>
        <translation>One IPv6 address of the server&apos;s subnet, e.g. fd00:8::9.</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>IP addresses only, comma separated.</translation>
    </message>
    <message>
        <source>The expiry must be in the future.</source>
        <translation>The expiry must be in the future.</translation>
    </message>
    <message>
        <source>Edit WireGuard client</source>
        <translation>Edit WireGuard client</translation>
    </message>
    <message>
        <source>&quot;%1&quot;, a client of &quot;%2&quot;. Its keys and addresses stay as they are.</source>
        <translation>&quot;%1&quot;, a client of &quot;%2&quot;. Its keys and addresses stay as they are.</translation>
    </message>
    <message>
        <source>Ena&amp;bled:</source>
        <translation>Ena&amp;bled:</translation>
    </message>
    <message>
        <source>The client may connect</source>
        <translation>The client may connect</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>Confirmation:</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Latest handshake</source>
        <translation>Latest handshake</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>What the server received from the client (its upload) since the client was last added to the running interface.</source>
        <translation>What the server received from the client (its upload) since the client was last added to the running interface.</translation>
    </message>
    <message>
        <source>What the server sent to the client (its download) since the client was last added to the running interface.</source>
        <translation>What the server sent to the client (its download) since the client was last added to the running interface.</translation>
    </message>
    <message>
        <source>Everything the server received from the client since it was made, kept across restarts.</source>
        <translation>Everything the server received from the client since it was made, kept across restarts.</translation>
    </message>
    <message>
        <source>Everything the server sent to the client since it was made, kept across restarts.</source>
        <translation>Everything the server sent to the client since it was made, kept across restarts.</translation>
    </message>
    <message>
        <source>Total received</source>
        <translation>Total received</translation>
    </message>
    <message>
        <source>Total sent</source>
        <translation>Total sent</translation>
    </message>
</context>
<context>
    <name>hm::app::WgClientsPane</name>
    <message>
        <source>The clients could not be read: %1</source>
        <translation>The clients could not be read: %1</translation>
    </message>
    <message>
        <source>Clients of %1</source>
        <translation>Clients of %1</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>New client...</source>
        <translation>New client...</translation>
    </message>
    <message>
        <source>Show config / QR...</source>
        <translation>Show config / QR...</translation>
    </message>
    <message>
        <source>Delete client...</source>
        <translation>Delete client...</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Sign in first.</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>Select a client first.</translation>
    </message>
    <message>
        <source>Select a server first.</source>
        <translation>Select a server first.</translation>
    </message>
    <message>
        <source>A new client of this server: keys, addresses and its config.</source>
        <translation>A new client of this server: keys, addresses and its config.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Leave the client out of the interface; its keys and addresses stay.</source>
        <translation>Leave the client out of the interface; its keys and addresses stay.</translation>
    </message>
    <message>
        <source>Let the client connect again.</source>
        <translation>Let the client connect again.</translation>
    </message>
    <message>
        <source>The client&apos;s config with its private key, as text and QR code.</source>
        <translation>The client&apos;s config with its private key, as text and QR code.</translation>
    </message>
    <message>
        <source>Delete the client; its addresses are free again.</source>
        <translation>Delete the client; its addresses are free again.</translation>
    </message>
    <message>
        <source>The client was not changed: %1</source>
        <translation>The client was not changed: %1</translation>
    </message>
    <message>
        <source>The config could not be read: %1</source>
        <translation>The config could not be read: %1</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Delete client</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot;? Its device can no longer connect, and its config stops working. This cannot be undone.</source>
        <translation>Delete &quot;%1&quot;? Its device can no longer connect, and its config stops working. This cannot be undone.</translation>
    </message>
    <message>
        <source>The client was not deleted: %1</source>
        <translation>The client was not deleted: %1</translation>
    </message>
    <message>
        <source>Edit client...</source>
        <translation>Edit client...</translation>
    </message>
    <message>
        <source>Change the client&apos;s name, DNS, keepalive, expiry or description.</source>
        <translation>Change the client&apos;s name, DNS, keepalive, expiry or description.</translation>
    </message>
    <message>
        <source>Imported without its private key: its owner keeps its config</source>
        <translation>Imported without its private key: its owner keeps its config</translation>
    </message>
    <message>
        <source>Share link...</source>
        <translation>Share link...</translation>
    </message>
    <message>
        <source>A one-time link to the client&apos;s config for its owner; it expires.</source>
        <translation>A one-time link to the client&apos;s config for its owner; it expires.</translation>
    </message>
    <message>
        <source>No clients yet</source>
        <translation>No clients yet</translation>
    </message>
    <message>
        <source>Add one for each device that connects: a phone, a laptop, a router. Each gets its own keys and addresses, and a config to import or scan.</source>
        <translation>Add one for each device that connects: a phone, a laptop, a router. Each gets its own keys and addresses, and a config to import or scan.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigDialog</name>
    <message>
        <source>WireGuard config of %1</source>
        <translation>WireGuard config of %1</translation>
    </message>
    <message>
        <source>The WireGuard config of &quot;%1&quot; for its device.</source>
        <translation>The WireGuard config of &quot;%1&quot; for its device.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfigView</name>
    <message>
        <source>Save WireGuard config</source>
        <translation>Save WireGuard config</translation>
    </message>
    <message>
        <source>WireGuard configs (*.conf)</source>
        <translation>WireGuard configs (*.conf)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>This config holds the client&apos;s private key. Anyone who has it can connect as this client: give it only to the device&apos;s owner, and do not send it by e-mail or chat.</source>
        <translation>This config holds the client&apos;s private key. Anyone who has it can connect as this client: give it only to the device&apos;s owner, and do not send it by e-mail or chat.</translation>
    </message>
    <message>
        <source>Scan with the WireGuard app on a phone or tablet.</source>
        <translation>Scan with the WireGuard app on a phone or tablet.</translation>
    </message>
    <message>
        <source>Save config...</source>
        <translation>Save config...</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message numerus="yes">
        <source>Copies the config; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>Copies the config; the clipboard is cleared again after %n second.</numerusform>
            <numerusform>Copies the config; the clipboard is cleared again after %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hm::app::WgConfirmBox</name>
    <message>
        <source>Roll back unless confirmed within</source>
        <translation>Roll back unless confirmed within</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>...or when this client connects again:</source>
        <translation>...or when this client connects again:</translation>
    </message>
    <message>
        <source>A handshake of the client after the change proves the new settings carry its tunnel, such as after a new port.</source>
        <translation>A handshake of the client after the change proves the new settings carry its tunnel, such as after a new port.</translation>
    </message>
    <message>
        <source>The server has no clients yet.</source>
        <translation>The server has no clients yet.</translation>
    </message>
    <message>
        <source>Without confirmation the previous settings come back by themselves: use &quot;Keep changes&quot; on the VPN page once you know you can still reach the server.</source>
        <translation>Without confirmation the previous settings come back by themselves: use &quot;Keep changes&quot; on the VPN page once you know you can still reach the server.</translation>
    </message>
</context>
<context>
    <name>hm::app::WgEndpointModel</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
</context>
<context>
    <name>hm::app::WgImportDialog</name>
    <message>
        <source>Import WireGuard server</source>
        <translation>Import WireGuard server</translation>
    </message>
    <message>
        <source>The file&apos;s [Interface] becomes a new server and each [Peer] one of its clients. The clients&apos; private keys stay on their devices: their configs cannot be shown here. Hooks and routed prefixes are not imported.</source>
        <translation>The file&apos;s [Interface] becomes a new server and each [Peer] one of its clients. The clients&apos; private keys stay on their devices: their configs cannot be shown here. Hooks and routed prefixes are not imported.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>&amp;Endpoint host:</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>Empty: the host of the server&apos;s public address</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Preshared key</source>
        <translation>Preshared key</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Not imported:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>A server needs a name.</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</translation>
    </message>
    <message>
        <source>Checking the file with the server...</source>
        <translation>Checking the file with the server...</translation>
    </message>
    <message>
        <source>The file cannot be imported as it is.</source>
        <translation>The file cannot be imported as it is.</translation>
    </message>
    <message>
        <source>Fill in the fields to see what the file holds.</source>
        <translation>Fill in the fields to see what the file holds.</translation>
    </message>
    <message numerus="yes">
        <source>%n peer(s) become clients of the new server &quot;%1&quot; on %2, port %3.</source>
        <translation>
            <numerusform>%n peer becomes a client of the new server &quot;%1&quot; on %2, port %3.</numerusform>
            <numerusform>%n peers become clients of the new server &quot;%1&quot; on %2, port %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Nothing: every field of the file is imported.</source>
        <translation>Nothing: every field of the file is imported.</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>The file cannot be imported: %1</translation>
    </message>
    <message>
        <source>[Interface]: the DNS search domains are not imported.</source>
        <translation>[Interface]: the DNS search domains are not imported.</translation>
    </message>
    <message>
        <source>[Interface]: Table is not imported.</source>
        <translation>[Interface]: Table is not imported.</translation>
    </message>
    <message>
        <source>[Interface]: FwMark is not imported.</source>
        <translation>[Interface]: FwMark is not imported.</translation>
    </message>
    <message>
        <source>[Interface]: SaveConfig is not imported.</source>
        <translation>[Interface]: SaveConfig is not imported.</translation>
    </message>
    <message>
        <source>[Interface]: the %1 hooks are not imported (the server never runs commands from an imported file).</source>
        <translation>[Interface]: the %1 hooks are not imported (the server never runs commands from an imported file).</translation>
    </message>
    <message>
        <source>Peer %1: the name in its comment cannot be used; it is named %2.</source>
        <translation>Peer %1: the name in its comment cannot be used; it is named %2.</translation>
    </message>
    <message>
        <source>Peer %1 (%2): the routed prefixes %3 are not imported (a client holds only its own addresses).</source>
        <translation>Peer %1 (%2): the routed prefixes %3 are not imported (a client holds only its own addresses).</translation>
    </message>
    <message>
        <source>Peer %1 (%2): its Endpoint is not imported (the client connects to the server).</source>
        <translation>Peer %1 (%2): its Endpoint is not imported (the client connects to the server).</translation>
    </message>
</context>
<context>
    <name>hm::app::WgPendingBanner</name>
    <message>
        <source>server #%1</source>
        <translation>server #%1</translation>
    </message>
    <message>
        <source>client #%1</source>
        <translation>client #%1</translation>
    </message>
    <message>
        <source>Keep changes</source>
        <translation>Keep changes</translation>
    </message>
    <message>
        <source>Only administrators confirm changes.</source>
        <translation>Only administrators confirm changes.</translation>
    </message>
    <message>
        <source>Changes to server &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>Changes to server &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</translation>
    </message>
    <message>
        <source>Changes to client &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</source>
        <translation>Changes to client &quot;%1&quot; roll back at %2 unless confirmed (%3 left).</translation>
    </message>
    <message>
        <source>A new handshake of the chosen client confirms it too.</source>
        <translation>A new handshake of the chosen client confirms it too.</translation>
    </message>
    <message>
        <source>Not confirmed: %1</source>
        <translation>Not confirmed: %1</translation>
    </message>
    <message>
        <source>Confirming...</source>
        <translation>Confirming...</translation>
    </message>
    <message>
        <source>Confirm this change: it stays and is no longer rolled back.</source>
        <translation>Confirm this change: it stays and is no longer rolled back.</translation>
    </message>
    <message>
        <source>Keep all (%1)</source>
        <translation>Keep all (%1)</translation>
    </message>
    <message>
        <source>Confirm every change shown: they all stay.</source>
        <translation>Confirm every change shown: they all stay.</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerDialog</name>
    <message>
        <source>Edit WireGuard server</source>
        <translation>Edit WireGuard server</translation>
    </message>
    <message>
        <source>New WireGuard server</source>
        <translation>New WireGuard server</translation>
    </message>
    <message>
        <source>Change &quot;%1&quot;. A running server is re-synced; its clients keep their keys and addresses.</source>
        <translation>Change &quot;%1&quot;. A running server is re-synced; its clients keep their keys and addresses.</translation>
    </message>
    <message>
        <source>The server makes the key pair; its private key never leaves it. Give it an IPv4 subnet, an IPv6 subnet or both: clients get their addresses from them.</source>
        <translation>The server makes the key pair; its private key never leaves it. Give it an IPv4 subnet, an IPv6 subnet or both: clients get their addresses from them.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Interface:</source>
        <translation>&amp;Interface:</translation>
    </message>
    <message>
        <source>Listen &amp;port:</source>
        <translation>Listen &amp;port:</translation>
    </message>
    <message>
        <source>IPv&amp;4 address/prefix:</source>
        <translation>IPv&amp;4 address/prefix:</translation>
    </message>
    <message>
        <source>IPv&amp;6 address/prefix:</source>
        <translation>IPv&amp;6 address/prefix:</translation>
    </message>
    <message>
        <source>&amp;DNS servers:</source>
        <translation>&amp;DNS servers:</translation>
    </message>
    <message>
        <source>&amp;MTU:</source>
        <translation>&amp;MTU:</translation>
    </message>
    <message>
        <source>&amp;Keepalive:</source>
        <translation>&amp;Keepalive:</translation>
    </message>
    <message>
        <source>&amp;Endpoint host:</source>
        <translation>&amp;Endpoint host:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</source>
        <translation>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;.</translation>
    </message>
    <message>
        <source>e.g. 10.8.0.1/24 (empty: none)</source>
        <translation>e.g. 10.8.0.1/24 (empty: none)</translation>
    </message>
    <message>
        <source>e.g. fd00:8::1/64 (empty: none)</source>
        <translation>e.g. fd00:8::1/64 (empty: none)</translation>
    </message>
    <message>
        <source>Comma separated, e.g. 1.1.1.1, 2606:4700:4700::1111</source>
        <translation>Comma separated, e.g. 1.1.1.1, 2606:4700:4700::1111</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Empty: the host of the server&apos;s public address</source>
        <translation>Empty: the host of the server&apos;s public address</translation>
    </message>
    <message>
        <source>Start with the HiveMind server</source>
        <translation>Start with the HiveMind server</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>A server needs a name.</source>
        <translation>A server needs a name.</translation>
    </message>
    <message>
        <source>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</source>
        <translation>1 to 15 of a-z, A-Z, 0-9, &quot;_&quot;, &quot;=&quot;, &quot;+&quot;, &quot;.&quot; or &quot;-&quot;; no spaces.</translation>
    </message>
    <message>
        <source>An IPv4 address with its prefix length, e.g. 10.8.0.1/24.</source>
        <translation>An IPv4 address with its prefix length, e.g. 10.8.0.1/24.</translation>
    </message>
    <message>
        <source>Give an IPv4 subnet, an IPv6 subnet or both.</source>
        <translation>Give an IPv4 subnet, an IPv6 subnet or both.</translation>
    </message>
    <message>
        <source>An IPv6 address with its prefix length, e.g. fd00:8::1/64.</source>
        <translation>An IPv6 address with its prefix length, e.g. fd00:8::1/64.</translation>
    </message>
    <message>
        <source>IP addresses only, comma separated.</source>
        <translation>IP addresses only, comma separated.</translation>
    </message>
    <message>
        <source>Confirmation:</source>
        <translation>Confirmation:</translation>
    </message>
</context>
<context>
    <name>hm::app::WgServerModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>Interface</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Addresses</translation>
    </message>
    <message>
        <source>Listen port</source>
        <translation>Listen port</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
</context>
<context>
    <name>hm::app::WgShareLinkDialog</name>
    <message>
        <source>No link was made: %1</source>
        <translation>No link was made: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied. The clipboard is cleared in %n second(s).</source>
        <translation>
            <numerusform>Copied. The clipboard is cleared in %n second.</numerusform>
            <numerusform>Copied. The clipboard is cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The links were not revoked: %1</source>
        <translation>The links were not revoked: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n unused link(s) revoked.</source>
        <translation>
            <numerusform>%n unused link revoked.</numerusform>
            <numerusform>%n unused links revoked.</numerusform>
        </translation>
    </message>
    <message>
        <source>The links could not be read: %1</source>
        <translation>The links could not be read: %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Used</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>No links yet. A link works once and only until it expires.</source>
        <translation>No links yet. A link works once and only until it expires.</translation>
    </message>
    <message>
        <source>Links not opened yet stop working; used ones stay listed as a record.</source>
        <translation>Links not opened yet stop working; used ones stay listed as a record.</translation>
    </message>
    <message>
        <source>No unused link to revoke.</source>
        <translation>No unused link to revoke.</translation>
    </message>
    <message>
        <source>Share link for %1</source>
        <translation>Share link for %1</translation>
    </message>
    <message>
        <source>A one-time link to the config of &quot;%1&quot;: its owner opens it in a browser or the WireGuard app and needs no account.</source>
        <translation>A one-time link to the config of &quot;%1&quot;: its owner opens it in a browser or the WireGuard app and needs no account.</translation>
    </message>
    <message>
        <source>Whoever opens this link first gets the client&apos;s private key and can connect as this client. Send it only to the device&apos;s owner; it works once and stops working when it expires.</source>
        <translation>Whoever opens this link first gets the client&apos;s private key and can connect as this client. Send it only to the device&apos;s owner; it works once and stops working when it expires.</translation>
    </message>
    <message>
        <source>&amp;Valid for:</source>
        <translation>&amp;Valid for:</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 days</translation>
    </message>
    <message>
        <source>Create link</source>
        <translation>Create link</translation>
    </message>
    <message>
        <source>Create another link</source>
        <translation>Create another link</translation>
    </message>
    <message>
        <source>The link appears here once it is made.</source>
        <translation>The link appears here once it is made.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message numerus="yes">
        <source>Copies the link; the clipboard is cleared again after %n second(s).</source>
        <translation>
            <numerusform>Copies the link; the clipboard is cleared again after %n second.</numerusform>
            <numerusform>Copies the link; the clipboard is cleared again after %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Works once, until %1 (local time). It is not shown again: copy it now.</source>
        <translation>Works once, until %1 (local time). It is not shown again: copy it now.</translation>
    </message>
    <message>
        <source>Links of this client</source>
        <translation>Links of this client</translation>
    </message>
    <message>
        <source>Revoke unused links</source>
        <translation>Revoke unused links</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>Opened from</source>
        <translation>Opened from</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>hm::app::WgTrafficChart</name>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 at %2: %3</translation>
    </message>
    <message>
        <source>Bytes received and sent</source>
        <translation>Bytes received and sent</translation>
    </message>
    <message>
        <source>Bytes received and sent per minute (%1)</source>
        <translation>Bytes received and sent per minute (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per 15 minutes (%1)</source>
        <translation>Bytes received and sent per 15 minutes (%1)</translation>
    </message>
    <message>
        <source>Bytes received and sent per hour (%1)</source>
        <translation>Bytes received and sent per hour (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Bytes received and sent per bucket of %n minute(s) (%1)</source>
        <translation>
            <numerusform>Bytes received and sent per bucket of %n minute (%1)</numerusform>
            <numerusform>Bytes received and sent per bucket of %n minutes (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
</context>
</TS>
