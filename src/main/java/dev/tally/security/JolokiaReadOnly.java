package dev.tally.security;

import java.util.Set;
import javax.management.ObjectName;
import org.jolokia.server.core.service.api.Restrictor;
import org.jolokia.server.core.util.HttpMethod;
import org.jolokia.server.core.util.RequestType;

/**
 * Jolokia's access rule unless {@code tally.jolokia.write-enabled}: read attributes, list and search MBeans, and
 * invoke only operations that read (Hawtio's permission check, Camel's {@code dump*} views); no attribute writes, no
 * other operations (stopping routes, gc, shutting down). Jolokia creates it by class name.
 */
public class JolokiaReadOnly implements Restrictor {

    private static final Set<RequestType> ALLOWED =
            Set.of(RequestType.READ, RequestType.LIST, RequestType.SEARCH, RequestType.VERSION, RequestType.EXEC);

    @Override
    public boolean isHttpMethodAllowed(HttpMethod method) {
        return true;
    }

    @Override
    public boolean isTypeAllowed(RequestType type) {
        return ALLOWED.contains(type);
    }

    @Override
    public boolean isAttributeReadAllowed(ObjectName name, String attribute) {
        return true;
    }

    @Override
    public boolean isAttributeWriteAllowed(ObjectName name, String attribute) {
        return false;
    }

    /** Each operation allowed here reads and changes nothing. Jolokia may pass a signature: "dumpRoutesAsXml()". */
    @Override
    public boolean isOperationAllowed(ObjectName name, String operation) {
        String method = operation.contains("(") ? operation.substring(0, operation.indexOf('(')) : operation;
        return method.startsWith("dump") && "org.apache.camel".equals(name.getDomain())
                || method.equals("canInvoke") && "hawtio".equals(name.getDomain());
    }

    @Override
    public boolean isRemoteAccessAllowed(String... hostOrAddress) {
        return true;
    }

    @Override
    public boolean isOriginAllowed(String origin, boolean onlyWhenStrictCheckingIsEnabled) {
        return true;
    }

    @Override
    public boolean isObjectNameHidden(ObjectName name) {
        return false;
    }
}
