package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonReader;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The builder's JSON equals the shapes in the API reference, member for member. */
class GoldenJsonTest {

    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");

    static Object parse(String json) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            return JsonValues.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON with single quotes for readability. */
    static Object json(String singleQuoted) {
        return parse(singleQuoted.replace('\'', '"'));
    }

    static String resource(String name) {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theIssueExampleMatchesItsGoldenFile() {
        Aggregation query = Aggregation.builder()
                .source(
                        Source.pageEvents().appIds(AppIds.all()).blacklist(Blacklist.APPLY),
                        TimeSeries.days().first(JAN_1).count(30))
                .filter(Expr.field("visitorId").ne(""))
                .group(Group.by("pageId", "day").sum("events", "numEvents"))
                .sort("-events")
                .limit(100)
                .build();

        assertThat(parse(query.toJson())).isEqualTo(parse(resource("issue-example.json")));
        assertThat(parse(query.toPrettyJson())).isEqualTo(parse(query.toJson()));
        assertThat(query.toPrettyJson()).contains("\n  \"request\"");
    }

    static Stream<Arguments> sources() {
        return Stream.of(
                Arguments.of(Source.visitors(), "{'visitors': null}"),
                Arguments.of(Source.visitors().identified(true), "{'visitors': {'identified': true}}"),
                Arguments.of(Source.accounts().appIds(AppIds.of(-323232)), "{'accounts': {'appId': -323232}}"),
                Arguments.of(Source.features(), "{'features': null}"),
                Arguments.of(Source.pages().appIds(AppIds.of(1, 2)), "{'pages': {'appId': [1, 2]}}"),
                Arguments.of(Source.guides(), "{'guides': null}"),
                Arguments.of(Source.trackTypes(), "{'trackTypes': null}"),
                Arguments.of(Source.groups(), "{'groups': null}"),
                Arguments.of(Source.doNotProcessAccounts(), "{'doNotProcessAccounts': null}"),
                Arguments.of(
                        Source.events()
                                .appIds(AppIds.of(-323232))
                                .eventClass("web", "ios")
                                .blacklist(Blacklist.APPLY),
                        "{'events': {'appId': -323232, 'eventClass': ['web', 'ios'], 'blacklist': 'apply'}}"),
                Arguments.of(
                        Source.featureEvents().featureId("uQZVeRyEAODXLqvQJYvN51Ffsek"),
                        "{'featureEvents': {'featureId': 'uQZVeRyEAODXLqvQJYvN51Ffsek'}}"),
                Arguments.of(
                        Source.pageEvents()
                                .pageId("aJ0KOADQZVL5h9zQhiQ0q26PNTM")
                                .blacklist(Blacklist.IGNORE),
                        "{'pageEvents': {'pageId': 'aJ0KOADQZVL5h9zQhiQ0q26PNTM', 'blacklist': 'ignore'}}"),
                Arguments.of(Source.trackEvents().trackTypeId("tt1"), "{'trackEvents': {'trackTypeId': 'tt1'}}"),
                Arguments.of(
                        Source.guideEvents().guideId("g1").appIds(AppIds.all()),
                        "{'guideEvents': {'guideId': 'g1', 'appId': 'expandAppIds(\\'*\\')'}}"),
                Arguments.of(Source.pollEvents().appIds(AppIds.of(7)), "{'pollEvents': {'appId': 7}}"),
                Arguments.of(Source.guidesSeen().guideId("g1"), "{'guidesSeen': {'guideId': 'g1'}}"),
                Arguments.of(Source.guidesSeenEver().guideId("g1"), "{'guidesSeenEver': {'guideId': 'g1'}}"),
                Arguments.of(
                        Source.pollsSeen().guideId("g1").pollId("p1"),
                        "{'pollsSeen': {'guideId': 'g1', 'pollId': 'p1'}}"),
                Arguments.of(
                        Source.pollsSeenEver().guideId("g1").pollId("p1").blacklist(Blacklist.APPLY),
                        "{'pollsSeenEver': {'guideId': 'g1', 'pollId': 'p1', 'blacklist': 'apply'}}"),
                Arguments.of(
                        Source.singleEvents().appIds(AppIds.of(1)).reverseTime(true),
                        "{'singleEvents': {'appId': 1, 'reverseTime': true}}"),
                Arguments.of(Source.emailEvents(), "{'emailEvents': null}"),
                Arguments.of(Source.recordingMetadata(), "{'recordingMetadata': null}"),
                Arguments.of(Source.agenticEvents().param("agentId", "a1"), "{'agenticEvents': {'agentId': 'a1'}}"));
    }

    @ParameterizedTest
    @MethodSource("sources")
    void eachSourceHasTheReferenceShape(Source source, String expected) {
        TimeSeries series =
                source.requiresTimeSeries() ? TimeSeries.days().first(JAN_1).count(1) : null;
        Aggregation query = Aggregation.builder().source(source, series).build();

        @SuppressWarnings("unchecked")
        Map<String, Object> step = (Map<String, Object>) firstStep(query).get("source");
        step.remove("timeSeries");
        assertThat(step).isEqualTo(json(expected.replace("\\'", "\\\"")));
    }

    @Test
    void timeSeriesForms() {
        assertThat(seriesJson(TimeSeries.days().first(JAN_1).count(30)))
                .isEqualTo(json("{'period': 'dayRange', 'first': 1767225600000, 'count': 30}"));
        assertThat(seriesJson(TimeSeries.hours().first(Expr.now()).count(-1)))
                .isEqualTo(json("{'period': 'hourRange', 'first': 'now()', 'count': -1}"));
        assertThat(seriesJson(TimeSeries.hours().first(JAN_1).last(Expr.now())))
                .isEqualTo(json("{'period': 'hourRange', 'first': 1767225600000, 'last': 'now()'}"));
        assertThat(seriesJson(TimeSeries.days().first(Expr.date(2021, 1, 31)).last(JAN_1)))
                .isEqualTo(json("{'period': 'dayRange', 'first': 'date(2021, 1, 31)', 'last': 1767225600000}"));
        assertThat(seriesJson(TimeSeries.days()
                        .first(Expr.dateAdd(Expr.now(), -30, "days"))
                        .count(30)))
                .isEqualTo(parse("{\"period\": \"dayRange\", \"first\": \"dateAdd(now(), -30, \\\"days\\\")\","
                        + " \"count\": 30}"));
    }

    private static Object seriesJson(TimeSeries series) {
        return ((Map<?, ?>) firstStep(Aggregation.builder()
                                .source(Source.pageEvents(), series)
                                .build())
                        .get("source"))
                .get("timeSeries");
    }

    static Stream<Arguments> operators() {
        Pipeline pagesById = Pipeline.builder()
                .source(Source.pages())
                .select("id", "group.id")
                .build();
        Pipeline a =
                Pipeline.builder().source(Source.visitors()).select("visitorId").build();
        Pipeline b =
                Pipeline.builder().source(Source.accounts()).select("accountId").build();
        Pipeline branch =
                Pipeline.builder().filter(Expr.field("numEvents").gt(1)).build();
        return Stream.of(
                op(
                        p -> p.filter(Expr.field("metadata.auto.lastupdated").ge(1700000000000L)),
                        "{'filter': 'metadata.auto.lastupdated >= 1700000000000'}"),
                op(
                        p -> p.select("visitorId", "metadata.agent.email"),
                        "{'select': {'visitorId': 'visitorId', 'metadata.agent.email': 'metadata.agent.email'}}"),
                op(
                        p -> p.select(Map.of("hashed", Expr.call("hash", Expr.field("visitorId")))),
                        "{'select': {'hashed': 'hash(visitorId)'}}"),
                op(
                        p -> p.eval("hashed", Expr.call("hash", Expr.field("visitorId"))),
                        "{'eval': {'hashed': 'hash(visitorId)'}}"),
                op(p -> p.identified("visitorId"), "{'identified': 'visitorId'}"),
                op(p -> p.anonymousOnly("visitorId"), "{'identified': '!visitorId'}"),
                op(p -> p.sort("visitorId", "-numEvents"), "{'sort': ['visitorId', '-numEvents']}"),
                op(p -> p.limit(5000), "{'limit': 5000}"),
                op(p -> p.skip(10000), "{'skip': 10000}"),
                op(p -> p.count(), "{'count': null}"),
                op(
                        p -> p.group(Group.by("visitorId", "day")
                                .sum("total", "numEvents")
                                .count("n")
                                .countDistinct("pages", "pageId")
                                .avg("avg", "numMinutes")
                                .min("lo", "day")
                                .max("hi", "day")
                                .first("f", "pageId")
                                .list("l", "pageId")
                                .median("m", "numEvents")
                                .countIf("big", Expr.field("numEvents").gt(10))),
                        "{'group': {'group': ['visitorId', 'day'], 'fields': {'total': {'sum': 'numEvents'},"
                                + " 'n': {'count': null}, 'pages': {'count': 'pageId'}, 'avg': {'avg': 'numMinutes'},"
                                + " 'lo': {'min': 'day'}, 'hi': {'max': 'day'}, 'f': {'first': 'pageId'},"
                                + " 'l': {'list': 'pageId'}, 'm': {'median': 'numEvents'},"
                                + " 'big': {'countIf': 'numEvents > 10'}}}}"),
                op(
                        p -> p.reduce(Reduce.of().countDistinct("uniqueVisitors", "visitorId")),
                        "{'reduce': {'uniqueVisitors': {'count': 'visitorId'}}}"),
                op(p -> p.unwind("list"), "{'unwind': {'field': 'list'}}"),
                op(
                        p -> p.unwind("list", "listIndex"),
                        "{'unwind': {'field': 'list', 'index': 'listIndex', 'keepEmpty': false}}"),
                op(
                        p -> p.unwindKeepingEmpty("list", "listIndex"),
                        "{'unwind': {'field': 'list', 'index': 'listIndex', 'keepEmpty': true}}"),
                op(
                        p -> p.merge(List.of("pageId"), Map.of("groupId", "group.id"), pagesById),
                        "{'merge': {'fields': ['pageId'], 'mappings': {'groupId': 'group.id'}, 'pipeline': ["
                                + "{'source': {'pages': null}}, {'select': {'id': 'id', 'group.id': 'group.id'}}]}}"),
                op(
                        p -> p.spawn(a, b),
                        "{'spawn': [[{'source': {'visitors': null}}, {'select': {'visitorId':"
                                + " 'visitorId'}}], [{'source': {'accounts': null}}, {'select': {'accountId': 'accountId'}}]]}"),
                op(p -> p.join(List.of("visitorId"), 2), "{'join': {'fields': ['visitorId'], 'width': 2}}"),
                op(
                        p -> p.fork(branch, branch),
                        "{'fork': [[{'filter': 'numEvents > 1'}]," + " [{'filter': 'numEvents > 1'}]]}"),
                op(p -> p.cat(), "{'cat': null}"),
                op(
                        p -> p.switchOn(Switch.into("bucket")
                                .from("numEvents")
                                .when("1", "==", 0)
                                .when("2", ">", 0)),
                        "{'switch': {'bucket': {'numEvents': [{'value': '1', '==': 0}, {'value': '2', '>': 0}]}}}"),
                op(p -> p.segment("seg-1"), "{'segment': {'id': 'seg-1'}}"),
                op(
                        p -> p.bulkExpandAccount("account", "accountId"),
                        "{'bulkExpand': {'account': {'account': 'accountId'}}}"),
                op(
                        p -> p.bulkExpandVisitor("visitor", "visitorId"),
                        "{'bulkExpand': {'visitor': {'visitor': 'visitorId'}}}"),
                op(p -> p.treeify(0.01), "{'treeify': {'keySort': false, 'threshold': 0.01}}"),
                op(p -> p.treeifySortedByKey(0.01), "{'treeify': {'keySort': true, 'threshold': 0.01}}"),
                op(p -> p.stage(Stage.of("sessionReplays", Map.of("max", 3))), "{'sessionReplays': {'max': 3}}"),
                op(
                        p -> p.stage(Stage.parse("{\"unmarshal\": {\"props\": \"properties\"}}")),
                        "{'unmarshal': {'props': 'properties'}}"));
    }

    private static Arguments op(UnaryOperator<Aggregation.Builder> stage, String expected) {
        return Arguments.of(stage, expected);
    }

    @ParameterizedTest
    @MethodSource("operators")
    void eachOperatorHasTheReferenceShape(UnaryOperator<Aggregation.Builder> stage, String expected) {
        Aggregation query =
                stage.apply(Aggregation.builder().source(Source.visitors())).build();

        @SuppressWarnings("unchecked")
        List<Object> pipeline =
                (List<Object>) ((Map<?, ?>) ((Map<?, ?>) parse(query.toJson())).get("request")).get("pipeline");
        assertThat(pipeline).hasSize(2);
        assertThat(pipeline.get(1)).isEqualTo(json(expected));
    }

    @Test
    void labelsGoInTheRequest() {
        Aggregation query = Aggregation.builder()
                .name("daily-pages")
                .requestId("r-1")
                .source(Source.pages())
                .build();

        assertThat(parse(query.toJson()))
                .isEqualTo(json("{'response': {'location': 'request', 'mimeType':"
                        + " 'application/json'}, 'request': {'name': 'daily-pages', 'requestId': 'r-1', 'pipeline':"
                        + " [{'source': {'pages': null}}]}}"));
    }

    @Test
    void labelsAndPartsThatAreNotSetAreEmptyOptionalsNotNull() {
        Aggregation labelled =
                Aggregation.builder().name("daily-pages").source(Source.pages()).build();
        Pipeline branch =
                Pipeline.builder().filter(Expr.field("numEvents").gt(1)).build();

        assertThat(labelled.name()).contains("daily-pages");
        assertThat(labelled.requestId()).isEmpty();
        assertThat(labelled.pipeline().source()).contains(Source.pages());
        assertThat(labelled.pipeline().timeSeries()).isEmpty();
        assertThat(branch.source()).isEmpty();
        assertThat(branch.toBuilder().limit(2).build().stages())
                .extracting(Stage::operator)
                .containsExactly("filter", "limit");
    }

    @Test
    void buildersAreImmutableAndQueriesReusable() {
        Source base = Source.pageEvents();
        Source withApp = base.appIds(AppIds.of(1));
        assertThat(base.params()).isEmpty();
        assertThat(withApp.params()).containsEntry("appId", 1L);

        Aggregation query = Aggregation.builder().source(Source.visitors()).build();
        Aggregation extended = query.toBuilder().limit(5).build();
        assertThat(query.pipeline().stages()).isEmpty();
        assertThat(extended.pipeline().stages()).extracting(Stage::operator).containsExactly("limit");
        assertThat(query.toJson())
                .isEqualTo(
                        Aggregation.builder().source(Source.visitors()).build().toJson());
        assertThat(query)
                .isEqualTo(Aggregation.builder().source(Source.visitors()).build());

        Aggregation windowed = Queries.pageEvents(AppIds.all())
                .withTimeSeries(TimeSeries.hours().first(JAN_1).count(24));
        assertThat(windowed.pipeline().timeSeries())
                .contains(TimeSeries.hours().first(JAN_1).count(24));
    }

    @Test
    void refusesPipelinesPendoWouldReject() {
        assertThatThrownBy(
                        () -> Aggregation.builder().source(Source.pageEvents()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pageEvents needs a timeSeries");
        assertThatThrownBy(() -> Aggregation.builder()
                        .source(Source.pageEvents(), TimeSeries.days().count(3))
                        .build())
                .hasMessageContaining("first(...)");
        assertThatThrownBy(() -> Aggregation.builder().limit(1).source(Source.visitors()))
                .hasMessageContaining("first step");
        assertThatThrownBy(() -> Aggregation.builder().source(Source.visitors()).source(Source.accounts()))
                .hasMessageContaining("one source");
        assertThatThrownBy(() -> Aggregation.builder().build()).hasMessageContaining("needs a source");
        assertThatThrownBy(() -> Aggregation.builder().limit(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Aggregation.builder().sort("visitorId; drop")).hasMessageContaining("field path");
        assertThatThrownBy(() -> TimeSeries.days().count(0)).hasMessageContaining("must not be 0");
        assertThatThrownBy(() -> Group.by("a").sum("x", "b").sum("x", "c")).hasMessageContaining("already defined");
        assertThatThrownBy(() -> Stage.parse("{\"a\": 1, \"b\": 2}")).hasMessageContaining("exactly one member");
        assertThatThrownBy(() -> Stage.of("x", new Object())).hasMessageContaining("Not a JSON value");
        assertThatThrownBy(() -> AppIds.parse("1, two")).hasMessageContaining("'two'");
    }

    @Test
    void appIdsParseLikeSyncToolOptions() {
        assertThat(AppIds.parse("")).isEqualTo(AppIds.all());
        assertThat(AppIds.parse("*").isAll()).isTrue();
        assertThat(AppIds.parse("-323232").toJsonValue()).isEqualTo(-323232L);
        assertThat(AppIds.parse("1, 2").toJsonValue()).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void readyMadeQueriesUseTheConnectorsShapes() {
        assertThat(firstStep(Queries.identifiedVisitors()))
                .isEqualTo(json("{'source': {'visitors': {'identified': true}}}"));
        assertThat(firstStep(Queries.allVisitors())).isEqualTo(json("{'source': {'visitors': null}}"));
        assertThat(firstStep(Queries.accounts())).isEqualTo(json("{'source': {'accounts': null}}"));
        assertThat(firstStep(Queries.features(AppIds.of(5)))).isEqualTo(json("{'source': {'features': {'appId': 5}}}"));
        assertThat(firstStep(Queries.pages(AppIds.all())))
                .isEqualTo(Map.of("source", Map.of("pages", Map.of("appId", "expandAppIds(\"*\")"))));
        assertThat(firstStep(Queries.pages(AppIds.defaultApp()))).isEqualTo(json("{'source': {'pages': null}}"));
        assertThat(firstStep(Queries.trackEvents(AppIds.of(5))))
                .isEqualTo(json("{'source': {'trackEvents':"
                        + " {'appId': 5, 'blacklist': 'apply'}, 'timeSeries': {'period': 'dayRange', 'first': 'now()',"
                        + " 'count': -1}}}"));
        for (Aggregation events : List.of(
                Queries.events(AppIds.all()),
                Queries.featureEvents(AppIds.all()),
                Queries.pageEvents(AppIds.all()),
                Queries.guideEvents(AppIds.all()),
                Queries.pollEvents(AppIds.all()),
                Queries.guides(AppIds.all()),
                Queries.trackTypes(AppIds.all()))) {
            assertThat(events.pipeline().source()).isPresent();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstStep(Aggregation query) {
        Map<String, Object> body = (Map<String, Object>) parse(query.toJson());
        return (Map<String, Object>)
                ((List<Object>) ((Map<String, Object>) body.get("request")).get("pipeline")).get(0);
    }
}
