package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.jolokia.server.core.util.RequestType;
import org.jolokia.support.spring.actuator.JolokiaProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class JolokiaAccessTest {

    private final JolokiaReadOnly readOnly = new JolokiaReadOnly();

    private static JolokiaAccess access(boolean writeEnabled) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("jolokiaAccessProperties", new JolokiaAccessProperties(writeEnabled));
        return new JolokiaAccess(beans.getBeanProvider(JolokiaAccessProperties.class));
    }

    @Test
    void byDefaultJolokiaGetsTheReadOnlyRestrictor() {
        JolokiaProperties properties = new JolokiaProperties();
        access(false).postProcessBeforeInitialization(properties, "jolokia");
        assertThat(properties.getConfig()).containsEntry("restrictorClass", JolokiaReadOnly.class.getName());
    }

    @Test
    void writeEnabledLeavesJolokiaUnrestricted() {
        JolokiaProperties properties = new JolokiaProperties();
        access(true).postProcessBeforeInitialization(properties, "jolokia");
        assertThat(properties.getConfig()).doesNotContainKey("restrictorClass");
    }

    @Test
    void readsAreAllowedWritesAreNot() throws Exception {
        ObjectName memory = new ObjectName("java.lang:type=Memory");
        assertThat(readOnly.isTypeAllowed(RequestType.READ)).isTrue();
        assertThat(readOnly.isTypeAllowed(RequestType.LIST)).isTrue();
        assertThat(readOnly.isTypeAllowed(RequestType.SEARCH)).isTrue();
        assertThat(readOnly.isTypeAllowed(RequestType.WRITE)).isFalse();
        assertThat(readOnly.isAttributeReadAllowed(memory, "HeapMemoryUsage")).isTrue();
        assertThat(readOnly.isAttributeWriteAllowed(memory, "Verbose")).isFalse();
    }

    @Test
    void onlyOperationsThatReadMayRun() throws Exception {
        ObjectName context = new ObjectName("org.apache.camel:context=tally,type=context,name=\"tally\"");
        ObjectName route = new ObjectName("org.apache.camel:context=tally,type=routes,name=\"worker-count-words\"");
        ObjectName hawtioSecurity = new ObjectName("hawtio:type=security,area=jmx,name=HawtioDummyJMXSecurity");
        assertThat(readOnly.isOperationAllowed(context, "dumpRoutesAsXml()")).isTrue();
        assertThat(readOnly.isOperationAllowed(route, "dumpRouteStatsAsXml(boolean,boolean)"))
                .isTrue();
        assertThat(readOnly.isOperationAllowed(hawtioSecurity, "canInvoke(java.lang.String)"))
                .isTrue();
        assertThat(readOnly.isOperationAllowed(route, "stop()")).isFalse();
        assertThat(readOnly.isOperationAllowed(route, "remove")).isFalse();
        assertThat(readOnly.isOperationAllowed(context, "sendBody(java.lang.String,java.lang.Object)"))
                .isFalse();
        assertThat(readOnly.isOperationAllowed(new ObjectName("java.lang:type=Memory"), "gc"))
                .isFalse();
        assertThat(readOnly.isOperationAllowed(new ObjectName("evil:type=x"), "dumpAndDelete"))
                .isFalse();
    }
}
