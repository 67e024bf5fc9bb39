// The golden path: a CloudFront distribution with a WAF web ACL, security headers and an S3
// origin reached only through origin access control, in front of a REST API whose stage logs
// and has its own regional web ACL.
import * as cdk from "aws-cdk-lib";
import {
  aws_apigateway as apigw,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_logs as logs,
  aws_s3 as s3,
  aws_wafv2 as wafv2,
} from "aws-cdk-lib";
import { Construct } from "constructs";
import { AppBuilder, ENV, webAcl } from "./common";

class ShopEdge extends cdk.Stack {
  constructor(scope: Construct, id: string, props: cdk.StackProps) {
    super(scope, id, props);
    const assets = new s3.Bucket(this, "Assets", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
    });
    const accessLogs = new logs.LogGroup(this, "ApiAccessLogs", {
      retention: logs.RetentionDays.ONE_YEAR,
    });
    const api = new apigw.RestApi(this, "ShopApi", {
      restApiName: "shop-api",
      endpointTypes: [apigw.EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: "prod",
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        metricsEnabled: true,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.clf(),
      },
    });
    api.root
      .addResource("orders")
      .addMethod("GET", new apigw.HttpIntegration("https://orders.internal.example.com/"));
    const regional = webAcl(this, "ApiAcl", "REGIONAL");
    new wafv2.CfnWebACLAssociation(this, "ApiAclAssociation", {
      resourceArn: api.deploymentStage.stageArn,
      webAclArn: regional.attrArn,
    });
    const edgeAcl = webAcl(this, "EdgeAcl", "CLOUDFRONT");
    new cloudfront.Distribution(this, "Site", {
      comment: "shop",
      webAclId: edgeAcl.attrArn,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(assets),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
      },
      additionalBehaviors: {
        "/api/*": {
          origin: new origins.RestApiOrigin(api),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        },
      },
      defaultRootObject: "index.html",
    });
  }
}

export const golden: AppBuilder = (app) => {
  new ShopEdge(app, "ShopEdge", { env: ENV });
};
