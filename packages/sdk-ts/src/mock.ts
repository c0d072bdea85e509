/**
 * The test-control API of ovc-mock (`openvcluster.mock.v1`): reset, seed,
 * fault injection, driver failures, clock control and recorded requests.
 */
export * from "./gen/openvcluster/mock/v1/mock_control_pb.js";
